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
      size += key.length + 4;
      if (ONE.has(key) && isSchema(value)) {
        const id = identify(value, below);
        size += bytes.get(id)!;
        shape.push(key, "s", id);
      } else if (LIST.has(key) && Array.isArray(value) && value.length > 0 && value.every(isSchema)) {
        const list = value.map((item) => identify(item as Schema, below));
        size += list.reduce((sum, id) => sum + bytes.get(id)! + 1, 2);
        shape.push(key, "l", list);
      } else if (MAP.has(key) && isSchema(value) && Object.values(value).every(isSchema)) {
        const map: Json[] = [];
        for (const [name, item] of Object.entries(value)) {
          const id = identify(item as Schema, below);
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
      if (ONE.has(key) && isSchema(value)) out[key] = rewrite(value, false, below);
      else if (LIST.has(key) && Array.isArray(value) && value.length > 0 && value.every(isSchema)) out[key] = value.map((item) => rewrite(item as Schema, false, below));
      else if (MAP.has(key) && isSchema(value) && Object.values(value).every(isSchema)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rewrite(item as Schema, false, below)]));
      } else out[key] = value;
    }
    return out;
  };
  const rewritten = rewrite(root, true, false) as Schema;
  return { ...rewritten, [DEFINITIONS]: definitions } as unknown as SchemaNode;
}
