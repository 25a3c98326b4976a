/**
 * JSON text with object keys sorted, 2-space indent and a trailing newline, so the same input
 * always gives the same bytes. Arrays keep their order (it is meaningful: `required`, list keys).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Locale-independent ordering: the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
