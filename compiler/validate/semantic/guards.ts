/**
 * Safe accessors for objects that passed schema validation but may still hold odd values.
 * Semantic rules read data only through these so that no input can make them throw.
 */
export type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Only the string-valued entries of a map such as `labels` or `matchLabels`. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const record = asRecord(value);
  if (!record) return out;
  for (const [key, entry] of Object.entries(record)) if (typeof entry === "string") out[key] = entry;
  return out;
}

/** A value as it should appear inside a message: JSON, cut short when long. */
export function show(value: unknown): string {
  // cut a long string before quoting it: the message keeps a short copy, not a slice of the value
  if (typeof value === "string" && value.length > 77) return `${JSON.stringify(value.slice(0, 77)).slice(0, 77)}...`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  // a slice of a long JSON text would keep all of it alive: copy the part shown
  return text.length > 80 ? `${Buffer.from(text.slice(0, 77)).toString()}...` : text;
}

