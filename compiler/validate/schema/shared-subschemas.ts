/**
 * A CRD schema for ajv with its repeated parts written once: ajv generates code for every node
 * of a schema, and some CRDs repeat large parts many times (Argo CD's ApplicationSet holds its
 * 14 KB Application template 24 times: 393 KB, ~1 s to compile, half of `tkc validate`'s CRD
 * compiling over ../shared/realworld). Each subschema repeated at least twice and of at least
 * MIN_SHARED_BYTES becomes a definition that its places `$ref`.
 *
 * What it accepts is unchanged (a `$ref` to an identical schema). So are the errors' instance
 * paths, keywords and params. Their schema paths inside a shared part start at the definition;
 * the messages read a schema path only to tell errors inside anyOf/oneOf/allOf/not, so a place
 * with such a combinator above it stays written out. Only subschemas are shared,
 * never values (enum members, defaults, x-kubernetes-validations). Field suggestions read the
 * original schema, not this one.
 */
import type { SchemaNode } from "../../../schemas/index.js";

const MIN_SHARED_BYTES = 2048;
const DEFINITIONS = "definitions";
const PREFIX = "tkc-shared-";
/** Keywords whose value is one subschema, a list of subschemas, or a map of them. */
const ONE = new Set(["additionalProperties", "additionalItems", "items", "not", "contains", "propertyNames"]);
const LIST = new Set(["anyOf", "oneOf", "allOf", "items"]);
const MAP = new Set(["properties", "patternProperties", "dependencies"]);
const COMBINATORS = new Set(["anyOf", "oneOf", "allOf", "not"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const isSchema = (value: Json | undefined): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

/** What an entry of a schema holds: one subschema, a list or a map of them, or a value. */
type Entry = { readonly kind: "one"; readonly schema: Schema } | { readonly kind: "list"; readonly schemas: Schema[] } | { readonly kind: "map"; readonly schemas: Record<string, Schema> } | { readonly kind: "value" };

function entryOf(key: string, value: Json): Entry {
  if (ONE.has(key) && isSchema(value)) return { kind: "one", schema: value };
  if (LIST.has(key) && Array.isArray(value) && value.length > 0 && value.every(isSchema)) return { kind: "list", schemas: value as Schema[] };
  if (MAP.has(key) && isSchema(value) && Object.values(value).every(isSchema)) return { kind: "map", schemas: value as Record<string, Schema> };
  return { kind: "value" };
}

/** The schema with repeated subschemas shared, or the schema itself when none repeats (or it has definitions of its own). */
export function shareRepeatedSubschemas(schema: SchemaNode): SchemaNode {
  const root = schema as unknown as Json;
  if (!isSchema(root) || DEFINITIONS in root) return schema;
  const ids = new Map<string, number>();
  const idOf = new Map<Schema, number>();
  const bytes = new Map<number, number>();
  const places = new Map<number, number>();

  // Bottom-up: equal subschemas get equal ids. A shape tells each entry's kind ("s" one
  // subschema, "l" a list, "m" a map of them, "v" a value), so a value never looks like an id.
  const identify = (node: Schema, underCombinator: boolean): number => {
    let size = 2;
    const shape: Json[] = [];
    for (const [key, value] of Object.entries(node)) {
      const below = underCombinator || COMBINATORS.has(key);
      const entry = entryOf(key, value);
      size += key.length + 4;
      if (entry.kind === "one") {
        const id = identify(entry.schema, below);
        size += bytes.get(id)!;
        shape.push(key, "s", id);
      } else if (entry.kind === "list") {
        const list = entry.schemas.map((item) => identify(item, below));
        size += list.reduce((sum, id) => sum + bytes.get(id)! + 1, 2);
        shape.push(key, "l", list);
      } else if (entry.kind === "map") {
        const map: Json[] = [];
        for (const [name, item] of Object.entries(entry.schemas)) {
          const id = identify(item, below);
          size += name.length + 4 + bytes.get(id)!;
          map.push(name, id);
        }
        shape.push(key, "m", map);
      } else {
        size += JSON.stringify(value)?.length ?? 4;
        shape.push(key, "v", value);
      }
    }
    const text = JSON.stringify(shape);
    let id = ids.get(text);
    if (id === undefined) {
      ids.set(text, (id = ids.size));
      bytes.set(id, size);
    }
    idOf.set(node, id);
    // A place under a combinator stays written out (its errors' schema paths must say so).
    if (!underCombinator) places.set(id, (places.get(id) ?? 0) + 1);
    return id;
  };
  const rootId = identify(root, false);
  const shared = new Set([...places].filter(([id, n]) => n > 1 && id !== rootId && (bytes.get(id) ?? 0) >= MIN_SHARED_BYTES).map(([id]) => id));
  if (shared.size === 0) return schema;

  const definitions: Schema = {};
  const rewrite = (node: Schema, top: boolean, underCombinator: boolean): Json => {
    const id = idOf.get(node)!;
    if (!top && !underCombinator && shared.has(id)) {
      const name = `${PREFIX}${id}`;
      if (!(name in definitions)) {
        definitions[name] = null; // reserved first: a subschema never contains itself
        definitions[name] = rewrite(node, true, false);
      }
      return { $ref: `#/${DEFINITIONS}/${name}` };
    }
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      const below = underCombinator || COMBINATORS.has(key);
      const entry = entryOf(key, value);
      if (entry.kind === "one") out[key] = rewrite(entry.schema, false, below);
      else if (entry.kind === "list") out[key] = entry.schemas.map((item) => rewrite(item, false, below));
      else if (entry.kind === "map") out[key] = Object.fromEntries(Object.entries(entry.schemas).map(([name, item]) => [name, rewrite(item, false, below)]));
      else out[key] = value;
    }
    return out;
  };
  const rewritten = rewrite(root, true, false) as Schema;
  return { ...rewritten, [DEFINITIONS]: definitions } as unknown as SchemaNode;
}
