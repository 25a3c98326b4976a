import type { JsonSchema } from "./json-schema.js";
import type { KindEntry } from "./kinds.js";
import { REF_PREFIX } from "./spec.js";

/*
 * TypeScript declarations from JSON Schema: the one emitter behind the Kubernetes types
 * (schemas/v1.x/types.ts, from the `descriptions + tsTypes` conversion) and the custom resource
 * types (compiler/crd, for `npm run gen:crds` and `tkc import crd`).
 *
 * Why not json-schema-to-typescript: on the Kubernetes specs it turns every `$ref` that carries a
 * sibling `description` (e.g. `metadata: { $ref: ObjectMeta, description: "Standard object's
 * metadata" }`) into a fresh numbered copy of the target type (`ObjectMeta1` ... `ObjectMeta15`),
 * so names are not stable across versions and the output bloats. The vocabulary is small (type,
 * properties, required, items, additionalProperties, $ref, const, enum, default, two
 * x-kubernetes-* extensions, and `tsType` for a type given verbatim), so a direct emitter is
 * short, exact, and keeps property docs on referencing properties.
 */

export interface EmitOptions {
  /**
   * What an object schema with neither `properties` nor `additionalProperties` holds: any fields
   * (`"unknown"`: the built-in types' OpenAPI, where such an object is free-form) or none
   * (`"never"`: a CRD's structural schema, where the API server prunes fields it does not list,
   * unless x-kubernetes-preserve-unknown-fields).
   */
  readonly unlistedFields: "unknown" | "never";
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A doc comment of a description and extra lines (tags such as `@default`), or "" when both are empty. */
export function docComment(description: unknown, extra: readonly string[], indent: string): string {
  const text = typeof description === "string" ? description.trim() : "";
  const lines = [...(text === "" ? [] : text.split("\n")), ...extra].map((line) => line.replace(/\*\//g, "*\\/"));
  if (lines.length === 0) return "";
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === "" ? "" : " " + line}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function tags(schema: JsonSchema): string[] {
  return schema["default"] !== undefined ? [`@default ${JSON.stringify(schema["default"])}`] : [];
}

/** Array items: a bare name or an object literal as is, anything else (a union) in parentheses. */
function wrap(inner: string): string {
  return /^[\w".$-]+$/.test(inner) || inner.startsWith("{") ? inner : `(${inner})`;
}

function single(type: string, schema: JsonSchema, indent: string, options: EmitOptions): string {
  switch (type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      const items = schema["items"] as JsonSchema | undefined;
      return `${wrap(items ? typeExpression(items, indent, options) : "unknown")}[]`;
    }
    case "object":
      return objectExpression(schema, indent, options);
    default:
      return "unknown";
  }
}

/** The type of a schema, written at `indent` (for the members of inline objects). */
export function typeExpression(schema: JsonSchema, indent: string, options: EmitOptions): string {
  if (typeof schema["$ref"] === "string") return (schema["$ref"] as string).slice(REF_PREFIX.length);
  if (typeof schema["tsType"] === "string") return schema["tsType"];
  const types = Array.isArray(schema["type"]) ? (schema["type"] as string[]) : typeof schema["type"] === "string" ? [schema["type"] as string] : [];
  const nullable = types.includes("null");
  if (schema["x-kubernetes-int-or-string"] === true) return nullable ? "number | string | null" : "number | string";
  if (schema["const"] !== undefined) return JSON.stringify(schema["const"]);
  if (Array.isArray(schema["enum"])) return [...new Set(schema["enum"].map((v) => JSON.stringify(v)))].join(" | ");
  if (types.length === 0) return schema["properties"] ? objectExpression(schema, indent, options) : "unknown";
  return types.map((t) => single(t, schema, indent, options)).join(" | ");
}

/** An object type: its members in braces, or an index signature when it lists no properties. */
export function objectExpression(schema: JsonSchema, indent: string, options: EmitOptions): string {
  const properties = schema["properties"] as Record<string, JsonSchema> | undefined;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (properties) {
    const more = preserve ? `${indent}  [key: string]: unknown;\n` : "";
    return `{\n${members(schema, indent + "  ", options)}${more}${indent}}`;
  }
  const additional = schema["additionalProperties"];
  if (additional && typeof additional === "object") return `{ [key: string]: ${typeExpression(additional as JsonSchema, indent, options)} }`;
  if (additional === true || preserve) return "{ [key: string]: unknown }";
  return `{ [key: string]: ${options.unlistedFields} }`;
}

/** One line per property (optional unless required), each after its doc comment. */
export function members(schema: JsonSchema, indent: string, options: EmitOptions): string {
  const properties = schema["properties"] as Record<string, JsonSchema>;
  const required = new Set((schema["required"] as string[] | undefined) ?? []);
  let out = "";
  for (const [name, property] of Object.entries(properties)) {
    out += docComment(property["description"], tags(property), indent);
    out += `${indent}${propertyKey(name)}${required.has(name) ? "" : "?"}: ${typeExpression(property, indent, options)};\n`;
  }
  return out;
}

/** A named declaration: an interface for an object with properties, else a type alias. */
export function declaration(name: string, schema: JsonSchema, options: EmitOptions): string {
  const doc = docComment(schema["description"], [], "");
  if (schema["properties"]) return `${doc}export interface ${name} {\n${members(schema, "  ", options)}}\n`;
  return `${doc}export type ${name} = ${typeExpression(schema, "", options)};\n`;
}

/** The built-in types: every definition, then the union of the API kinds and their index by key. */
export function emitTypes(definitions: Readonly<Record<string, JsonSchema>>, kinds: readonly KindEntry[], banner: string): string {
  const options: EmitOptions = { unlistedFields: "unknown" };
  const names = Object.keys(definitions).sort();
  let out = banner;
  for (const name of names) out += "\n" + declaration(name, definitions[name]!, options);
  out += "\n/** Every API kind of this Kubernetes version, discriminated by `apiVersion` and `kind`. */\n";
  out += `export type KnownObject =\n${kinds.map((k) => `  | ${k.definition}`).join("\n")};\n`;
  out += "\n/** API kinds by `apiVersion/kind` (`v1/Pod`, `apps/v1/Deployment`). */\n";
  out += `export interface KnownObjectsByKey {\n${kinds.map((k) => `  ${JSON.stringify(`${k.apiVersion}/${k.kind}`)}: ${k.definition};`).join("\n")}\n}\n`;
  return out;
}
