import type { JsonSchema } from "./json-schema.js";
import type { KindEntry } from "./kinds.js";
import { REF_PREFIX } from "./spec.js";

/*
 * TypeScript declarations from the converted definitions (the `descriptions + tsTypes` variant).
 *
 * Why not json-schema-to-typescript: on the Kubernetes specs it turns every `$ref` that carries a
 * sibling `description` (e.g. `metadata: { $ref: ObjectMeta, description: "Standard object's
 * metadata" }`) into a fresh numbered copy of the target type (`ObjectMeta1` ... `ObjectMeta15`),
 * so names are not stable across versions and the output bloats. The spec vocabulary is small
 * (type, properties, required, items, additionalProperties, $ref, const), so a direct emitter is
 * short, exact, and keeps property docs on referencing properties.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function docComment(description: unknown, indent: string): string {
  if (typeof description !== "string" || description.trim() === "") return "";
  const lines = description.replace(/\*\//g, "*\\/").split("\n");
  return `${indent}/**\n${lines.map((line) => `${indent} *${line === "" ? "" : " " + line}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function typeExpression(schema: JsonSchema, indent: string): string {
  if (typeof schema["$ref"] === "string") return (schema["$ref"] as string).slice(REF_PREFIX.length);
  if (typeof schema["tsType"] === "string") return schema["tsType"] as string;
  if (schema["const"] !== undefined) return JSON.stringify(schema["const"]);
  if (Array.isArray(schema["enum"])) return (schema["enum"] as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  const type = schema["type"];
  if (Array.isArray(type)) return type.map((t) => typeExpression({ ...schema, type: t }, indent)).join(" | ");
  switch (type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array": {
      const items = schema["items"] as JsonSchema | undefined;
      const inner = items ? typeExpression(items, indent) : "unknown";
      return /[|&]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
    }
    case "object":
      return objectExpression(schema, indent);
    default:
      return schema["properties"] ? objectExpression(schema, indent) : "unknown";
  }
}

function objectExpression(schema: JsonSchema, indent: string): string {
  const properties = schema["properties"] as Record<string, JsonSchema> | undefined;
  if (properties) return `{\n${members(schema, indent + "  ")}${indent}}`;
  const additional = schema["additionalProperties"];
  const value = additional && typeof additional === "object" ? typeExpression(additional as JsonSchema, indent) : "unknown";
  return `{ [key: string]: ${value} }`;
}

function members(schema: JsonSchema, indent: string): string {
  const properties = schema["properties"] as Record<string, JsonSchema>;
  const required = new Set((schema["required"] as string[] | undefined) ?? []);
  let out = "";
  for (const [name, property] of Object.entries(properties)) {
    out += docComment(property["description"], indent);
    out += `${indent}${propertyKey(name)}${required.has(name) ? "" : "?"}: ${typeExpression(property, indent)};\n`;
  }
  return out;
}

function declaration(name: string, schema: JsonSchema): string {
  const doc = docComment(schema["description"], "");
  if (schema["properties"]) return `${doc}export interface ${name} {\n${members(schema, "  ")}}\n`;
  return `${doc}export type ${name} = ${typeExpression(schema, "")};\n`;
}

export function emitTypes(definitions: Readonly<Record<string, JsonSchema>>, kinds: readonly KindEntry[], banner: string): string {
  const names = Object.keys(definitions).sort();
  let out = banner;
  for (const name of names) out += "\n" + declaration(name, definitions[name]!);
  out += "\n/** Every API kind of this Kubernetes version, discriminated by `apiVersion` and `kind`. */\n";
  out += `export type KnownObject =\n${kinds.map((k) => `  | ${k.definition}`).join("\n")};\n`;
  out += "\n/** API kinds by `apiVersion/kind` (`v1/Pod`, `apps/v1/Deployment`). */\n";
  out += `export interface KnownObjectsByKey {\n${kinds.map((k) => `  ${JSON.stringify(`${k.apiVersion}/${k.kind}`)}: ${k.definition};`).join("\n")}\n}\n`;
  return out;
}
