import { listMapKeys } from "../../schemas/index.js";
import { canonicalKeys, type KeyOrderRole } from "../emit/yaml-writer.js";
import type { JsonPath } from "../model/path.js";
import type { FieldChange } from "./model.js";
import { masked } from "./redact.js";

/** What the field diff needs to know about the object being compared. */
export interface FieldDiffContext {
  readonly kubeVersion: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** Secret: values under `data` / `stringData` are compared (as masked tokens, see redact.ts) but never shown. */
  readonly secret: boolean;
  /** Renamed hashed configs, old name -> [new name, note], to explain reference changes. */
  readonly renames: ReadonlyMap<string, readonly [string, string]>;
}

type Json = unknown;
type JsonObject = Readonly<Record<string, Json>>;

const isRecord = (v: Json): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Field-level differences of two versions of one object, in document order. Lists are matched by
 * their schema's list-map keys (containers by `name`, ports by `containerPort`+`protocol`) and, for
 * lists the schema does not key (custom resources), by a unique `name`; only then by index.
 */
export function diffFields(from: Json, to: Json, context: FieldDiffContext): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(from, to, "", [], "object", context, changes, false);
  return changes;
}

function walk(a: Json, b: Json, path: string, schemaPath: (string | number)[], role: KeyOrderRole, context: FieldDiffContext, out: FieldChange[], secret: boolean): void {
  if (a === b) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = mergeKeys(canonicalKeys(a, role), canonicalKeys(b, role));
    for (const key of keys) {
      const childPath = joinKey(path, key);
      const childSecret = secret || (context.secret && schemaPath.length === 0 && (key === "data" || key === "stringData"));
      const childRole: KeyOrderRole = role === "object" && key === "metadata" ? "metadata" : "plain";
      if (!(key in a) || a[key] === undefined) out.push(added(childPath, b[key], childSecret));
      else if (!(key in b) || b[key] === undefined) out.push(removed(childPath, a[key], childSecret));
      else walk(a[key], b[key], childPath, [...schemaPath, key], childRole, context, out, childSecret);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (!secret) return walkList(a, b, path, schemaPath, context, out);
    if (JSON.stringify(a) === JSON.stringify(b)) return;
  }
  if (secret) {
    out.push({ op: "replace", path, from: masked(a), to: masked(b), redacted: true });
    return;
  }
  const note = typeof a === "string" && typeof b === "string" ? renameNote(a, b, context) : undefined;
  out.push(note ? { op: "replace", path, from: a, to: b, note } : { op: "replace", path, from: a, to: b });
}

function walkList(a: readonly Json[], b: readonly Json[], path: string, schemaPath: (string | number)[], context: FieldDiffContext, out: FieldChange[]): void {
  const keys = listKeys(a, b, schemaPath, context);
  const itemSchema = [...schemaPath, 0];
  if (!keys) {
    if (a.length === b.length && a.every((x) => !isRecord(x) && !Array.isArray(x)) && b.every((x) => !isRecord(x) && !Array.isArray(x))) {
      // Scalar lists (command, args, finalizers) read best whole: `[--queue, orders] → [--queue, emails]`.
      if (a.some((x, i) => x !== b[i])) out.push({ op: "replace", path, from: a, to: b });
      return;
    }
    if (a.some((x) => isRecord(x) || Array.isArray(x)) || b.some((x) => isRecord(x) || Array.isArray(x))) {
      const common = Math.min(a.length, b.length);
      for (let i = 0; i < common; i++) walk(a[i], b[i], `${path}[${i}]`, itemSchema, "plain", context, out, false);
      for (let i = common; i < b.length; i++) out.push(added(`${path}[${i}]`, b[i], false));
      for (let i = common; i < a.length; i++) out.push(removed(`${path}[${i}]`, a[i], false));
    } else {
      out.push({ op: "replace", path, from: a, to: b });
    }
    return;
  }
  const label = (item: Json) => itemLabel(item as JsonObject, keys);
  const before = new Map(a.map((item) => [label(item), item] as const));
  const after = new Set(b.map(label));
  for (const item of b) {
    const id = label(item);
    const itemPath = `${path}[${id}]`;
    if (before.has(id)) walk(before.get(id), item, itemPath, itemSchema, "plain", context, out, false);
    else out.push(added(itemPath, item, false));
  }
  for (const item of a) {
    const id = label(item);
    if (!after.has(id)) out.push(removed(`${path}[${id}]`, item, false));
  }
  // Same items in another order: one line, since order matters only for some lists (env `$(VAR)`).
  const keptBefore = a.map(label).filter((id) => after.has(id));
  const keptAfter = b.map(label).filter((id) => before.has(id));
  if (keptBefore.some((id, i) => id !== keptAfter[i])) out.push({ op: "reorder", path, from: keptBefore, to: keptAfter });
}

const keyCache = new Map<string, readonly string[] | undefined>();

/** The keys identifying items of a list, when every item of both sides has a unique value for them. */
function listKeys(a: readonly Json[], b: readonly Json[], schemaPath: (string | number)[], context: FieldDiffContext): readonly string[] | undefined {
  if (!a.every(isRecord) || !b.every(isRecord)) return undefined;
  const cacheKey = `${context.kubeVersion} ${context.apiVersion} ${context.kind} ${schemaPath.join("/")}`;
  let schemaKeys = keyCache.get(cacheKey);
  if (!keyCache.has(cacheKey)) {
    try {
      schemaKeys = listMapKeys(context.kubeVersion, context.apiVersion, context.kind, schemaPath);
    } catch {
      schemaKeys = undefined; // an unsupported kubeVersion in an old bundle: fall back to names
    }
    keyCache.set(cacheKey, schemaKeys);
  }
  // Optional key fields (a port's protocol) may be absent on some items: the API server's default
  // fills them in, so absence still identifies; only a required first key must be present.
  if (schemaKeys && uniqueBy(a, schemaKeys, true) && uniqueBy(b, schemaKeys, true)) return schemaKeys;
  if (uniqueBy(a, ["name"], false) && uniqueBy(b, ["name"], false)) return ["name"];
  return undefined;
}

function uniqueBy(items: readonly Json[], keys: readonly string[], optionalTail: boolean): boolean {
  const seen = new Set<string>();
  for (const item of items as JsonObject[]) {
    const first = item[keys[0]];
    if (typeof first !== "string" && typeof first !== "number") return false;
    if (!optionalTail && keys.some((k) => typeof item[k] !== "string" && typeof item[k] !== "number")) return false;
    const id = itemLabel(item, keys);
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/** `name=api`, `containerPort=8080,protocol=TCP`; values with separators are JSON-quoted. */
function itemLabel(item: JsonObject, keys: readonly string[]): string {
  return keys
    .filter((k) => item[k] !== undefined)
    .map((k) => {
      const v = item[k];
      const text = typeof v === "string" ? v : JSON.stringify(v);
      return `${k}=${typeof v === "string" && !/^[\w./:@+-]*$/.test(v) ? JSON.stringify(v) : text}`;
    })
    .join(",");
}

function mergeKeys(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === b.length && a.every((k, i) => k === b[i])) return [...a];
  const seen = new Set(a);
  const merged = [...a];
  // b's extra keys go where canonical order puts them: both lists are sorted the same way.
  for (const key of b) {
    if (seen.has(key)) continue;
    const at = merged.findIndex((k) => b.indexOf(k) > b.indexOf(key) && b.includes(k));
    if (at === -1) merged.push(key);
    else merged.splice(at, 0, key);
    seen.add(key);
  }
  return merged;
}

function joinKey(path: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$-]*$/.test(key);
  if (plain) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function added(path: string, value: Json, secret: boolean): FieldChange {
  return secret ? { op: "add", path, value: masked(value), redacted: true } : { op: "add", path, value };
}

function removed(path: string, value: Json, secret: boolean): FieldChange {
  return secret ? { op: "remove", path, value: masked(value), redacted: true } : { op: "remove", path, value };
}

function renameNote(a: string, b: string, context: FieldDiffContext): string | undefined {
  const rename = context.renames.get(a);
  return rename && rename[0] === b ? rename[1] : undefined;
}

export type { JsonPath };
