import type { SchemaNode } from "../../../schemas/index.js";

/**
 * A copy of `value` with the schema's `default`s filled in, as the API server defaults a custom
 * resource before it validates it: a property that is absent (or null where the schema does not
 * allow null) takes its default, and defaulting goes on inside defaults, list items and map
 * values. Only what the CEL rules see is defaulted; the bundle keeps what the user wrote.
 */
export function applyDefaults(value: unknown, node: SchemaNode | undefined): unknown {
  if (!node) return value;
  if (Array.isArray(value)) {
    const items = node["items"] as SchemaNode | undefined;
    return items ? value.map((item) => applyDefaults(item, items)) : value;
  }
  if (value === null || typeof value !== "object") return value;
  const properties = node["properties"] as Record<string, SchemaNode> | undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) out[key] = applyDefaults(child, childSchema(node, key));
  for (const [key, sub] of Object.entries(properties ?? {})) {
    const present = out[key];
    if (sub["default"] === undefined || (present !== undefined && !(present === null && !allowsNull(sub)))) continue;
    out[key] = applyDefaults(structuredClone(sub["default"]), sub);
  }
  return out;
}

function allowsNull(node: SchemaNode): boolean {
  const type = node["type"];
  return Array.isArray(type) && type.includes("null");
}

/** The schema of an object's property: a named one, else the map's value schema (additionalProperties). */
export function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const named = (node?.["properties"] as Record<string, SchemaNode> | undefined)?.[key];
  if (named) return named;
  const additional = node?.["additionalProperties"];
  return typeof additional === "object" && additional !== null ? (additional as SchemaNode) : undefined;
}
