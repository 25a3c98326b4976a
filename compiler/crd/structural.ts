/**
 * A CRD version's structural openAPIV3Schema -> draft-07 JSON Schema with the API server's
 * semantics, for ajv (`descriptions: false`) and for the TypeScript emitter (`descriptions: true`):
 *
 * - `x-kubernetes-int-or-string` -> `type: [integer, string]` (its `anyOf` dropped);
 * - objects reject unknown fields (strict field validation) unless `x-kubernetes-preserve-unknown-fields`;
 * - `nullable` -> `null` joins the type (and the enum);
 * - `enum`, `pattern`, min/max, lengths, item and property counts, checked formats are kept;
 * - `x-kubernetes-list-type`, `-list-map-keys`, `-map-type` and `-validations` (CEL, which tkc
 *   does not evaluate) are kept as annotation keywords;
 * - `anyOf`/`oneOf`/`allOf`/`not` stay value validations: their branches add no fields.
 */
import type { OpenApiSchema } from "./crd-document.js";
import settings from "../validate/schema/ajv-settings.json";

export type JsonSchema = { [keyword: string]: unknown };

/** Extensions kept verbatim as annotation keywords (registered as an ajv vocabulary). */
export const CRD_ANNOTATION_KEYWORDS: readonly string[] = settings.crds.annotationKeywords;

/** Formats the API server checks and ajv-formats implements the same way. Others (e.g. Go's `duration`) are left unchecked. */
export const CRD_FORMATS: readonly string[] = settings.crds.formats;
const CHECKED_FORMATS = new Set<string>(CRD_FORMATS);

const KEPT_EXTENSIONS = ["x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-validations"] as const;
const VALUE_KEYWORDS = ["maxItems", "maxLength", "maxProperties", "maximum", "minItems", "minLength", "minProperties", "minimum", "multipleOf", "uniqueItems"] as const;

export interface ConvertOptions {
  /** Keep `description` (for doc comments); schema files leave it out. `default` is always kept. */
  readonly descriptions: boolean;
  /** Called for a rule tkc cannot check (it is dropped from the schema). */
  readonly onUnchecked?: (path: string, what: string) => void;
}

interface Walk {
  readonly options: ConvertOptions;
  readonly path: string;
  /** Inside anyOf/oneOf/allOf/not: constraints only, no field lists, type taken from the parent. */
  readonly branch: boolean;
  readonly parentType?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Go's RE2 and JavaScript agree on the patterns CRDs use; a pattern ajv cannot compile is reported and dropped. */
/**
 * Go's leading `(?i)` flag (case-insensitive) has no inline form in JavaScript: spell each ASCII
 * letter outside a character class as `[aA]`. Other patterns are returned unchanged.
 */
export function translateGoPattern(pattern: string): string {
  if (!pattern.includes("(?i)")) return pattern;
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (pattern.startsWith("(?i)", i) && !inClass) {
      i += 3;
    } else if (c === "[" && !inClass) {
      inClass = true;
      out += c;
    } else if (c === "]" && inClass) {
      inClass = false;
      out += c;
    } else if (!inClass && /[A-Za-z]/.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else out += c;
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export function convertSchema(schema: OpenApiSchema, options: ConvertOptions): JsonSchema {
  return convert(schema, { options, path: "", branch: false });
}

function convert(node: OpenApiSchema, walk: Walk): JsonSchema {
  const out: JsonSchema = {};
  const { options } = walk;
  if (options.descriptions && typeof node["description"] === "string") out["description"] = node["description"];
  // Kept in schema files too (ajv ignores it): the API server defaults an object before its CEL
  // rules see it, and so does tkc (validate/schema/cel-rules.ts).
  if (node["default"] !== undefined) out["default"] = node["default"];
  const nullable = node["nullable"] === true;
  const preserve = node["x-kubernetes-preserve-unknown-fields"] === true;
  const type = node["type"] as string | undefined;
  if (node["x-kubernetes-int-or-string"] === true) {
    out["type"] = nullable ? ["integer", "string", "null"] : ["integer", "string"];
    out["x-kubernetes-int-or-string"] = true;
  } else if (type !== undefined) {
    out["type"] = nullable ? [type, "null"] : type;
  } else if (walk.branch) {
    // ajv's strict mode wants a type beside type-specific keywords; a branch has its parent's.
    const inferred = walk.parentType ?? (node["properties"] ? "object" : node["format"] !== undefined || node["pattern"] !== undefined ? "string" : undefined);
    if (inferred !== undefined) out["type"] = inferred;
  }
  if (Array.isArray(node["enum"])) out["enum"] = nullable && !node["enum"].includes(null) ? [...node["enum"], null] : [...node["enum"]];
  if (typeof node["format"] === "string" && CHECKED_FORMATS.has(node["format"])) out["format"] = node["format"];
  if (typeof node["pattern"] === "string") {
    const pattern = translateGoPattern(node["pattern"]);
    if (compiles(pattern)) out["pattern"] = pattern;
    else options.onUnchecked?.(walk.path, `pattern ${JSON.stringify(node["pattern"])} is not a JavaScript regular expression`);
  }
  for (const keyword of VALUE_KEYWORDS) if (node[keyword] !== undefined) out[keyword] = node[keyword];
  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum; draft-07 as numbers.
  if (node["exclusiveMinimum"] === true && typeof node["minimum"] === "number") {
    out["exclusiveMinimum"] = node["minimum"];
    delete out["minimum"];
  }
  if (node["exclusiveMaximum"] === true && typeof node["maximum"] === "number") {
    out["exclusiveMaximum"] = node["maximum"];
    delete out["maximum"];
  }

  const properties = isRecord(node["properties"]) ? (node["properties"] as Record<string, OpenApiSchema>) : undefined;
  if (properties) {
    if (out["type"] === undefined && !walk.branch) out["type"] = nullable ? ["object", "null"] : "object";
    const converted: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(properties)) {
      converted[name] = convert(property, { options, path: `${walk.path}.${name}`, branch: walk.branch, parentType: undefined });
    }
    out["properties"] = converted;
  }
  if (Array.isArray(node["required"]) && node["required"].length > 0) out["required"] = [...(node["required"] as string[])];
  const additional = node["additionalProperties"];
  if (isRecord(additional)) out["additionalProperties"] = convert(additional as OpenApiSchema, { ...walk, path: `${walk.path}.*`, parentType: undefined });
  else if (typeof additional === "boolean") out["additionalProperties"] = additional;
  else if (!walk.branch && !preserve && (type === "object" || properties)) {
    // What the schema does not list, the API server prunes (and strict field validation rejects).
    out["additionalProperties"] = false;
  }
  if (preserve) out["x-kubernetes-preserve-unknown-fields"] = true;
  if (isRecord(node["items"])) out["items"] = convert(node["items"] as OpenApiSchema, { ...walk, path: `${walk.path}[]`, parentType: undefined });

  if (node["x-kubernetes-int-or-string"] !== true) {
    for (const keyword of ["anyOf", "oneOf", "allOf"] as const) {
      const branches = node[keyword];
      if (Array.isArray(branches)) out[keyword] = branches.map((b) => convert(b as OpenApiSchema, { options, path: walk.path, branch: true, parentType: out["type"] }));
    }
    if (isRecord(node["not"])) out["not"] = convert(node["not"] as OpenApiSchema, { options, path: walk.path, branch: true, parentType: out["type"] });
  }
  for (const extension of KEPT_EXTENSIONS) if (node[extension] !== undefined) out[extension] = node[extension];
  return out;
}
