import { createHash } from "node:crypto";

/**
 * How a Secret value is shown: `sha256:` and the first 8 hex digits of the hash of its JSON text.
 * Enough to tell "changed" from "unchanged" and to match two reports, never enough to recover it.
 */
export function redactValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    // a whole `data` map added or removed: its keys stay visible, each value is hashed
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v)]));
  }
  return `<redacted sha256:${shortHash(typeof value === "string" ? value : JSON.stringify(value))}>`;
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** A Secret with every `data` / `stringData` value replaced by its redacted hash (keys stay visible). */
export function redactSecret(object: unknown): unknown {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return object;
  const record = object as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...record };
  for (const field of ["data", "stringData"]) {
    const values = record[field];
    if (values !== undefined) copy[field] = redactValue(values);
  }
  return copy;
}
