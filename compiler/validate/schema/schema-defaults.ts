import type { SchemaNode } from "../../../schemas/index.js";
import { customSchemaChild } from "../../../schemas/crds/index.js";

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
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) setOwn(out, key, applyDefaults(child, customSchemaChild(node, key)));
  for (const [key, sub] of Object.entries(properties ?? {})) {
    const present = out[key];
    if (sub["default"] === undefined || (present !== undefined && !(present === null && !allowsNull(sub)))) continue;
    setOwn(out, key, applyDefaults(structuredClone(sub["default"]), sub));
  }
  return out;
}

function allowsNull(node: SchemaNode): boolean {
  const type = node["type"];
  return Array.isArray(type) && type.includes("null");
}


/** `out[key] = value` as an own property, also for a key named `__proto__` (which `=` would turn into the object's prototype). */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
