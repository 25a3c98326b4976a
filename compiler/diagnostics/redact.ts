import type { Diagnostic } from "./diagnostic.js";

/** Shown instead of a Secret value. */
export const REDACTED = "<redacted>";

/** Values shorter than this are not searched for: "a" would blank every message. */
const MIN_SCRUBBED = 3;

/**
 * Removes every known Secret value from the messages, hints and notes of `diagnostics` (a last line
 * of defence: the checks themselves already avoid quoting Secret data). Both the raw text and its
 * JSON-quoted form are replaced, as messages quote values with JSON.stringify. `near` picks the
 * diagnostics that can hold one (about a Secret, or on a line holding Secret data), so thousands of
 * Secrets and thousands of findings do not multiply.
 */
export function scrubSecrets(diagnostics: readonly Diagnostic[], values: readonly string[], near: (d: Diagnostic) => boolean = () => true): Diagnostic[] {
  const needles = [...new Set(values.filter((v) => v.length >= MIN_SCRUBBED).flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [...diagnostics];
  const scrub = (text: string) => {
    let out = text;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
  return diagnostics.map((d) => {
    if (!near(d)) return d;
    const message = scrub(d.message);
    const hint = d.hint === undefined ? undefined : scrub(d.hint);
    const related = d.related?.map((r) => ({ ...r, message: scrub(r.message) }));
    if (message === d.message && hint === d.hint && related?.every((r, i) => r.message === d.related![i]!.message) !== false) return d;
    return { ...d, message, ...(hint !== undefined ? { hint } : {}), ...(related ? { related } : {}) };
  });
}

/** A source line with a Secret value: the key stays, the value becomes `****` (a block scalar's line becomes all `****`). */
export function maskSourceLine(text: string): string {
  const keyed = /^(\s*(?:-\s+)?(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#][^:#]*?)\s*:)(\s+|$)(.*)$/.exec(text);
  if (keyed) {
    const value = keyed[3] ?? "";
    // `key: |` and `key: >-` only open a block scalar: nothing secret on this line
    if (value === "" || /^[|>][-+0-9]*\s*(#.*)?$/.test(value)) return text;
    return `${keyed[1]}${keyed[2]}****`;
  }
  const indent = /^\s*/.exec(text)?.[0] ?? "";
  return text.trim() === "" ? text : `${indent}****`;
}
