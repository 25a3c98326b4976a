/**
 * TypeScript declarations for custom resources, from the `descriptions: true` conversion: one
 * interface per served version (`MonitoringCoreosComV1ServiceMonitor`) with literal apiVersion and
 * kind, `metadata: ObjectMeta` from "tkc/k8s", and named `...Spec` / `...Status` types; nested
 * objects are inline (CRD schemas have no $ref to name them by). Descriptions become doc comments.
 */
import type { JsonSchema } from "./structural.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

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

function wrap(inner: string): string {
  return /^[\w".$-]+$/.test(inner) || inner.startsWith("{") ? inner : `(${inner})`;
}

function single(type: string, schema: JsonSchema, indent: string): string {
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
      return `${wrap(items ? typeExpression(items, indent) : "unknown")}[]`;
    }
    case "object":
      return objectExpression(schema, indent);
    default:
      return "unknown";
  }
}

export function typeExpression(schema: JsonSchema, indent: string): string {
  if (typeof schema["tsType"] === "string") return schema["tsType"];
  const types = Array.isArray(schema["type"]) ? (schema["type"] as string[]) : typeof schema["type"] === "string" ? [schema["type"] as string] : [];
  const nullable = types.includes("null");
  if (schema["x-kubernetes-int-or-string"] === true) return nullable ? "number | string | null" : "number | string";
  if (schema["const"] !== undefined) return JSON.stringify(schema["const"]);
  if (Array.isArray(schema["enum"])) return [...new Set(schema["enum"].map((v) => JSON.stringify(v)))].join(" | ");
  if (types.length === 0) return schema["properties"] ? objectExpression(schema, indent) : "unknown";
  return types.map((t) => single(t, schema, indent)).join(" | ");
}

function objectExpression(schema: JsonSchema, indent: string): string {
  const properties = schema["properties"] as Record<string, JsonSchema> | undefined;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (properties) {
    const more = preserve ? `${indent}  [key: string]: unknown;\n` : "";
    return `{\n${members(schema, indent + "  ")}${more}${indent}}`;
  }
  const additional = schema["additionalProperties"];
  if (additional && typeof additional === "object") return `{ [key: string]: ${typeExpression(additional as JsonSchema, indent)} }`;
  if (additional === true || preserve) return "{ [key: string]: unknown }";
  return "{ [key: string]: never }";
}

export function members(schema: JsonSchema, indent: string): string {
  const properties = schema["properties"] as Record<string, JsonSchema>;
  const required = new Set((schema["required"] as string[] | undefined) ?? []);
  let out = "";
  for (const [name, property] of Object.entries(properties)) {
    out += docComment(property["description"], tags(property), indent);
    out += `${indent}${propertyKey(name)}${required.has(name) ? "" : "?"}: ${typeExpression(property, indent)};\n`;
  }
  return out;
}

/**
 * The declarations of one custom resource version: the root interface, then its `Spec` and
 * `Status` (when the schema has them) as named types.
 */
export function declareResource(name: string, root: JsonSchema): string {
  const properties = { ...((root["properties"] as Record<string, JsonSchema> | undefined) ?? {}) };
  const named: [string, JsonSchema][] = [];
  for (const part of ["spec", "status"] as const) {
    const schema = properties[part];
    if (!schema || !schema["properties"]) continue;
    const partName = `${name}${part === "spec" ? "Spec" : "Status"}`;
    named.push([partName, schema]);
    properties[part] = { ...(schema["description"] !== undefined ? { description: schema["description"] } : {}), tsType: partName };
  }
  let out = docComment(root["description"], [], "") + `export interface ${name} {\n${members({ ...root, properties }, "  ")}${root["x-kubernetes-preserve-unknown-fields"] === true ? "  [key: string]: unknown;\n" : ""}}\n`;
  for (const [partName, schema] of named) {
    const body = objectExpression({ ...schema, description: undefined }, "");
    out += `\n${docComment(schema["description"], [], "")}export ${body.startsWith("{\n") ? `interface ${partName} ${body}` : `type ${partName} = ${body};`}\n`;
  }
  return out;
}
