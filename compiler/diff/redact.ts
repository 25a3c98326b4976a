import { createHmac, randomBytes } from "node:crypto";
import type { FieldChange } from "./model.js";

/**
 * Secret values never reach a diff's output, in any format, and nothing derived from a value alone
 * does either (an unsalted hash of a weak password is reversed with a dictionary). To still tell
 * "changed" from "unchanged", each value is replaced before the comparison by an HMAC under a key
 * drawn at random for this process; equal values give equal tokens. The tokens are compared, then
 * shown only as `<redacted>` (and `<redacted: changed>` for the new side of a change).
 */
const KEY = randomBytes(32);
const TOKEN = "\u0000tkc-secret:";

export const REDACTED = "<redacted>";
export const REDACTED_CHANGED = "<redacted: changed>";

function token(value: string): string {
  return TOKEN + createHmac("sha256", KEY).update(value).digest("hex");
}

const isToken = (v: unknown): v is string => typeof v === "string" && v.startsWith(TOKEN);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Annotations that hold a copy of the whole object, and so of its values. */
const COPY_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration", "kapp.k14s.io/original", "kapp.k14s.io/original-diff"]);
/** Shorter values are too common to look for inside other strings (they are still redacted where they are). */
const MIN_NEEDLE = 4;

/** Every form in which a Secret's values can appear elsewhere in it: as written, base64-decoded, base64-encoded. */
function needles(objects: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const object of objects) {
    if (!isRecord(object)) continue;
    for (const [field, base64] of [["data", true], ["stringData", false]] as const) {
      const values = object[field];
      if (!isRecord(values)) continue;
      for (const value of Object.values(values)) {
        if (typeof value !== "string") continue;
        out.add(value);
        out.add(base64 ? Buffer.from(value, "base64").toString("utf8") : Buffer.from(value, "utf8").toString("base64"));
      }
    }
  }
  return [...out].filter((n) => n.length >= MIN_NEEDLE);
}

function maskValue(value: unknown): unknown {
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  return token(typeof value === "string" ? value : JSON.stringify(value) ?? "undefined");
}

function maskStrings(value: unknown, found: readonly string[]): unknown {
  if (typeof value === "string") return found.some((n) => value.includes(n)) ? token(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, found));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, found)]));
  return value;
}

/**
 * A Secret with every value tokenised: `data` and `stringData` values, annotations that copy the
 * object (last-applied-configuration), and any other string holding one of its values. `others`
 * are the other versions of the same Secret in the diff, whose values are looked for too.
 */
export function maskSecret(object: unknown, others: readonly unknown[] = []): unknown {
  if (!isRecord(object)) return object;
  const found = needles([object, ...others]);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === "data" || key === "stringData") copy[key] = maskValue(value);
    else if (key === "metadata" && isRecord(value) && isRecord(value.annotations)) {
      const annotations = Object.fromEntries(Object.entries(value.annotations).map(([k, v]) => [k, COPY_ANNOTATIONS.has(k) ? maskValue(v) : maskStrings(v, found)]));
      copy[key] = maskStrings({ ...value, annotations }, found);
    } else copy[key] = maskStrings(value, found);
  }
  return copy;
}

/** What a renderer may show of a masked value: tokens become `<redacted>`. */
export function present(value: unknown, changed = false): unknown {
  if (isToken(value)) return changed ? REDACTED_CHANGED : REDACTED;
  if (Array.isArray(value)) return value.map((v) => present(v, changed));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, present(v, changed)]));
  return value;
}

/** A value under a Secret's data kept masked (tokenised now if it was not yet). */
export function masked(value: unknown): unknown {
  return holdsToken(value) ? value : maskValue(value);
}

function holdsToken(value: unknown): boolean {
  if (isToken(value)) return true;
  if (Array.isArray(value)) return value.some(holdsToken);
  if (isRecord(value)) return Object.values(value).some(holdsToken);
  return false;
}

/** A field change of masked Secrets as it may be shown, marked `redacted` when it hides a value. */
export function presentChange(change: FieldChange): FieldChange {
  switch (change.op) {
    case "reorder":
      return change;
    case "add":
    case "remove":
      return holdsToken(change.value) ? { ...change, value: present(change.value), redacted: true } : change;
    case "replace":
      return holdsToken(change.from) || holdsToken(change.to) ? { ...change, from: present(change.from), to: present(change.to, true), redacted: true } : change;
  }
}
