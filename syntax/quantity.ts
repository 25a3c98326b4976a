/**
 * Exact Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): a signed decimal
 * number followed by a binary suffix (Ki..Ei), a decimal suffix (n u m k M G T P E) or an exponent
 * (e3, E-2). Values are kept as exact fractions so `1Gi` vs `1073741824` compares equal.
 */
export interface Quantity {
  /** value = numerator / denominator, denominator > 0. */
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const SYNTAX = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** Beyond this the API server rejects the value anyway; the cap keeps BigInt arithmetic small. */
const MAX_EXPONENT = 1000;

export function parseQuantity(input: unknown): Quantity | undefined {
  const text = typeof input === "number" ? (Number.isFinite(input) ? String(input) : "") : input;
  if (typeof text !== "string") return undefined;
  const match = SYNTAX.exec(text);
  if (!match) return undefined;
  const [, sign, number, suffix = ""] = match;
  const [whole = "", fraction = ""] = number!.split(".");
  let numerator = BigInt((whole || "0") + fraction);
  let exponent10 = -fraction.length;
  let exponent2 = 0;
  if (suffix in BINARY) exponent2 = BINARY[suffix]!;
  else if (suffix in DECIMAL) exponent10 += DECIMAL[suffix]!;
  else if (suffix !== "") {
    const e = Number(suffix.slice(1));
    if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXPONENT) return undefined;
    exponent10 += e;
  }
  let denominator = 1n;
  if (exponent10 >= 0) numerator *= 10n ** BigInt(exponent10);
  else denominator = 10n ** BigInt(-exponent10);
  numerator *= 2n ** BigInt(exponent2);
  if (sign === "-") numerator = -numerator;
  return { numerator, denominator };
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isNegative(q: Quantity): boolean {
  return q.numerator < 0n;
}

export function isPositive(q: Quantity): boolean {
  return q.numerator > 0n;
}
