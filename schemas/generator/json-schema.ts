import type { KindEntry } from "./kinds.js";
import { REF_PREFIX, type Spec, type SpecSchema } from "./spec.js";

/** A JSON Schema draft-07 node, as written to schema.json (or fed to the types generator). */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * resource.Quantity's string form, per k8s.io/apimachinery/pkg/api/resource (ParseQuantity):
 * signed decimal, then a binary-SI suffix (Ki..Ei), a decimal-SI suffix (n u m "" k M G T P E) or
 * a decimal exponent (e/E and a signed number). The same pattern kubebuilder emits for Quantity.
 */
export const QUANTITY_PATTERN =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

export const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
export const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

/** Kubernetes extensions kept as keywords: the diff stage reads list-map keys from them. */
export const KEPT_EXTENSIONS = [
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
  "x-kubernetes-patch-merge-key",
  "x-kubernetes-patch-strategy",
] as const;

/** Formats ajv checks (via ajv-formats) that the API server enforces when it decodes. */
const CHECKED_FORMATS = new Set(["date-time", "byte", "int32", "int64"]);

export interface ConvertOptions {
  /** Keep `description` (for doc comments in types.ts); schema.json leaves them out. */
  readonly descriptions: boolean;
  /** For types.ts: emit `tsType` for IntOrString and Quantity instead of a type union. */
  readonly tsTypes: boolean;
  /** The allowed values of a string property (enums.ts), or undefined. */
  readonly enumOf?: (definition: string, property: string) => { readonly values: readonly string[]; readonly code?: string } | undefined;
}

export function convertSpec(spec: Spec, names: ReadonlyMap<string, string>, kinds: ReadonlyMap<string, KindEntry>, options: ConvertOptions): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [definition, schema] of Object.entries(spec.definitions)) {
    const converted = convertDefinition(definition, schema, names, options);
    const kind = kinds.get(definition);
    if (kind) requireTypeMeta(converted, kind);
    out[names.get(definition)!] = converted;
  }
  return out;
}

function convertDefinition(definition: string, schema: SpecSchema, names: ReadonlyMap<string, string>, options: ConvertOptions): JsonSchema {
  const doc = options.descriptions && schema.description ? { description: schema.description } : {};
  if (definition === INT_OR_STRING) {
    return options.tsTypes ? { ...doc, tsType: "number | string" } : { type: ["integer", "string"] };
  }
  if (definition === QUANTITY) {
    return options.tsTypes ? { ...doc, tsType: "string | number" } : { type: ["string", "number"], pattern: QUANTITY_PATTERN };
  }
  return convert(schema, names, options, definition);
}

/**
 * `enum` on a string (or on the items of a string array). schema.json also accepts "": the API
 * server treats "" like an absent value for most of these fields (see enums.ts); types.ts leaves it out.
 */
function withEnum(schema: JsonSchema, overlay: { readonly values: readonly string[]; readonly code?: string }, options: ConvertOptions, where: string): JsonSchema {
  const keywords: JsonSchema = options.tsTypes ? { enum: [...overlay.values] } : { enum: ["", ...overlay.values], ...(overlay.code ? { "x-tkc-code": overlay.code } : {}) };
  if (schema["type"] === "string") return { ...schema, ...keywords };
  const items = schema["items"] as JsonSchema | undefined;
  if (schema["type"] === "array" && items?.["type"] === "string") return { ...schema, items: { ...items, ...keywords } };
  throw new Error(`schema generator: enums.ts names ${where}, which is not a string or a list of strings`);
}

function convert(schema: SpecSchema, names: ReadonlyMap<string, string>, options: ConvertOptions, definition?: string): JsonSchema {
  const out: JsonSchema = {};
  if (options.descriptions && schema.description) out["description"] = schema.description;
  if (schema.$ref) {
    const target = schema.$ref.startsWith(REF_PREFIX) ? names.get(schema.$ref.slice(REF_PREFIX.length)) : undefined;
    if (!target) throw new Error(`schema generator: unresolvable $ref ${schema.$ref}`);
    // draft-07 ignores siblings of $ref, so a description here only serves the types generator.
    out["$ref"] = REF_PREFIX + target;
    return out;
  }
  if (schema.format === "int-or-string") {
    if (options.tsTypes) out["tsType"] = "number | string";
    else out["type"] = ["integer", "string"];
    return out;
  }
  if (schema.type) out["type"] = schema.type;
  if (schema.format && CHECKED_FORMATS.has(schema.format)) out["format"] = schema.format;
  if (schema.properties) {
    out["type"] = "object";
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const converted = convert(property, names, options);
      const overlay = definition === undefined ? undefined : options.enumOf?.(definition, name);
      properties[name] = overlay ? withEnum(converted, overlay, options, `${definition}.${name}`) : converted;
    }
    out["properties"] = properties;
    if (schema.required && schema.required.length > 0) out["required"] = [...schema.required];
    // The API server's strict field validation rejects unknown fields of typed objects.
    out["additionalProperties"] = false;
  } else if (schema.additionalProperties !== undefined) {
    out["additionalProperties"] = typeof schema.additionalProperties === "boolean" ? schema.additionalProperties : convert(schema.additionalProperties, names, options);
  } else if (schema.required && schema.required.length > 0) {
    out["required"] = [...schema.required];
  }
  if (schema.items) out["items"] = convert(schema.items, names, options);
  for (const extension of KEPT_EXTENSIONS) {
    if (schema[extension] !== undefined) out[extension] = schema[extension];
  }
  return out;
}

/** A manifest object must say what it is: `apiVersion` and `kind` fixed to its GVK, `metadata` present. */
function requireTypeMeta(schema: JsonSchema, kind: KindEntry): void {
  const properties = schema["properties"] as Record<string, JsonSchema> | undefined;
  if (!properties || !properties["apiVersion"] || !properties["kind"] || !properties["metadata"]) {
    throw new Error(`schema generator: ${kind.apiVersion} ${kind.kind} lacks apiVersion/kind/metadata properties`);
  }
  properties["apiVersion"] = { ...properties["apiVersion"], const: kind.apiVersion };
  properties["kind"] = { ...properties["kind"], const: kind.kind };
  const required = (schema["required"] as string[] | undefined) ?? [];
  schema["required"] = [...new Set(["apiVersion", "kind", "metadata", ...required])];
}
