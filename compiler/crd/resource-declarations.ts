/**
 * TypeScript declarations for custom resources, from the `descriptions: true` conversion: one
 * interface per served version (`MonitoringCoreosComV1ServiceMonitor`) with literal apiVersion and
 * kind, `metadata: ObjectMeta` from "tkc/k8s", and named `...Spec` / `...Status` types; nested
 * objects are inline (CRD schemas have no $ref to name them by). Descriptions become doc comments.
 * The types themselves come from the one JSON Schema emitter (schemas/generator/typescript.ts).
 */
import { docComment, members, objectExpression, type EmitOptions } from "../../schemas/generator/typescript.js";
import type { JsonSchema } from "./structural.js";

// A structural schema's object without listed fields holds none: the API server prunes them.
const CRD: EmitOptions = { unlistedFields: "never" };

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
  let out = docComment(root["description"], [], "") + `export interface ${name} {\n${members({ ...root, properties }, "  ", CRD)}${root["x-kubernetes-preserve-unknown-fields"] === true ? "  [key: string]: unknown;\n" : ""}}\n`;
  for (const [partName, schema] of named) {
    const body = objectExpression({ ...schema, description: undefined }, "", CRD);
    out += `\n${docComment(schema["description"], [], "")}export ${body.startsWith("{\n") ? `interface ${partName} ${body}` : `type ${partName} = ${body};`}\n`;
  }
  return out;
}
