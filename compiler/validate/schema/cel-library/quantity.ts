/**
 * Kubernetes' Quantity library (library/quantity.go, Kubernetes 1.28+), on quantities parsed as
 * resource.ParseQuantity parses them. A quantity's value is kept exactly, in nano units (the API
 * server rounds every quantity up to 1n), with the form Go stores it in (an int64 times a power
 * of ten, or a decimal), which isInteger() and asInteger() answer from. `mul`, `div` and `divInt`
 * are left out: they came after Kubernetes 1.36.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { checkedInt, fail, isValid, undecided } from "./values.js";

const NANO = 10n ** 9n;
const INT64_MAX = 2n ** 63n - 1n;

/** Go's int64Amount (value x 10^scale), or undefined where Go keeps an inf.Dec. */
type Int64Amount = { readonly value: bigint; readonly scale: number } | undefined;

export class Quantity {
  constructor(readonly nanos: bigint, readonly amount: Int64Amount) {}
}

const SI: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export function parseQuantity(text: string): Quantity {
  // Sign, digits, an optional fraction, then a suffix (SI, binary, or an exponent).
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*)([+-]?[0-9]*)$/.exec(text);
  if (!m) fail(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(text)}`);
  const [, sign, whole, fraction, letters, digits] = m as unknown as [string, string, string, string | undefined, string, string];
  // Go reads "-", ".", "1." and the like in ways of their own: not guessed at.
  if (whole === "" && !fraction) undecided("a quantity without digits");
  if (fraction === "") undecided("a quantity with a bare decimal point");
  const suffix = letters + digits;
  const num = whole.replace(/^0+/, "") || "0";
  const denom = fraction ?? "";
  let base: 2 | 10;
  let exponent: number;
  let format: "DecimalSI" | "BinarySI" | "DecimalExponent";
  if (suffix in SI) [base, exponent, format] = [10, SI[suffix]!, "DecimalSI"];
  else if (suffix in BINARY) [base, exponent, format] = [2, BINARY[suffix]!, "BinarySI"];
  else if (/^[eE][+-]?[0-9]+$/.test(suffix) && Math.abs(Number(suffix.slice(1))) <= 1000) [base, exponent, format] = [10, Number(suffix.slice(1)), "DecimalExponent"];
  else return fail(`unable to parse quantity's suffix: ${JSON.stringify(text)}`);
  const negative = sign === "-";
  const digitsValue = BigInt(num + denom);
  // Go's fast path: an int64 times a power of ten, exact, nothing rounded or capped.
  if (base === 10 && num.length + denom.length <= 18 && exponent - denom.length >= -9) {
    const value = negative ? -digitsValue : digitsValue;
    return new Quantity(scaleToNanos(value, exponent - denom.length), { value, scale: exponent - denom.length });
  }
  if (base === 2 && denom === "" && 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 >= 0) {
    const value = digitsValue << BigInt(exponent);
    if (value <= INT64_MAX) return new Quantity((negative ? -value : value) * NANO, { value: negative ? -value : value, scale: 0 });
  }
  // How Go's decimal parser reads a "+" is not guessed at.
  if (sign === "+") undecided("a quantity with a plus sign outside Go's int64 form");
  // Go's decimal path: the exact value rounded up (away from zero) to 1n, capped for the binary and exponent forms.
  let magnitudeNanos = base === 10 ? ceilScaled(digitsValue, exponent - denom.length) : ceilScaled(digitsValue << BigInt(exponent), -denom.length);
  if (format !== "DecimalSI" && magnitudeNanos > INT64_MAX * NANO) magnitudeNanos = INT64_MAX * NANO;
  return new Quantity(negative ? -magnitudeNanos : magnitudeNanos, undefined);
}

/** value x 10^scale in nanos, for scale >= -9 (exact). */
function scaleToNanos(value: bigint, scale: number): bigint {
  return scale >= -9 ? value * 10n ** BigInt(scale + 9) : fail("below 1n");
}

/** The non-negative value x 10^scale in nanos, rounded up. */
function ceilScaled(value: bigint, scale: number): bigint {
  if (scale >= -9) return value * 10n ** BigInt(scale + 9);
  const divisor = 10n ** BigInt(-scale - 9);
  return (value + divisor - 1n) / divisor;
}

export function registerQuantity(environment: Environment): void {
  const compare = (a: Quantity, b: Quantity): bigint => (a.nanos < b.nanos ? -1n : a.nanos > b.nanos ? 1n : 0n);
  environment
    .registerType("kubernetes.Quantity", Quantity)
    .registerFunction("quantity(string): kubernetes.Quantity", parseQuantity)
    .registerFunction("isQuantity(string): bool", (text: string) => isValid(() => parseQuantity(text)))
    .registerFunction("kubernetes.Quantity.sign(): int", (q: Quantity) => (q.nanos < 0n ? -1n : q.nanos > 0n ? 1n : 0n))
    .registerFunction("kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool", (a: Quantity, b: Quantity) => compare(a, b) === 1n)
    .registerFunction("kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool", (a: Quantity, b: Quantity) => compare(a, b) === -1n)
    .registerFunction("kubernetes.Quantity.compareTo(kubernetes.Quantity): int", compare)
    .registerFunction("kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity", (a: Quantity, b: Quantity) => sum(a, b))
    .registerFunction("kubernetes.Quantity.add(int): kubernetes.Quantity", (a: Quantity, b: bigint) => sum(a, new Quantity(b * NANO, { value: b, scale: 0 })))
    .registerFunction("kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity", (a: Quantity, b: Quantity) => sum(a, negate(b)))
    .registerFunction("kubernetes.Quantity.sub(int): kubernetes.Quantity", (a: Quantity, b: bigint) => sum(a, new Quantity(-b * NANO, { value: -b, scale: 0 })))
    .registerFunction("kubernetes.Quantity.isInteger(): bool", (q: Quantity) => asInt64(q) !== undefined)
    .registerFunction("kubernetes.Quantity.asInteger(): int", (q: Quantity) => asInt64(q) ?? fail("cannot convert value to integer"))
    .registerFunction("kubernetes.Quantity.asApproximateFloat(): double", approximateFloat)
    .registerOperator("kubernetes.Quantity == kubernetes.Quantity", (a: Quantity, b: Quantity) => a.nanos === b.nanos);
}

function negate(q: Quantity): Quantity {
  return new Quantity(-q.nanos, q.amount && { value: -q.amount.value, scale: q.amount.scale });
}

/** Go's Quantity.Add: int64 amounts stay one at the smaller scale unless that overflows; otherwise a decimal. */
function sum(a: Quantity, b: Quantity): Quantity {
  const nanos = a.nanos + b.nanos;
  if (!a.amount || !b.amount) return new Quantity(nanos, undefined);
  if (b.amount.value === 0n) return new Quantity(nanos, a.amount);
  if (a.amount.value === 0n) return new Quantity(nanos, b.amount);
  const scale = Math.min(a.amount.scale, b.amount.scale);
  const value = a.amount.value * 10n ** BigInt(a.amount.scale - scale) + b.amount.value * 10n ** BigInt(b.amount.scale - scale);
  const fits = (v: bigint) => v >= -INT64_MAX - 1n && v <= INT64_MAX;
  // Each step of Go's sum must fit an int64, the scaled operand as well as the result.
  const scaledA = a.amount.value * 10n ** BigInt(a.amount.scale - scale);
  const scaledB = b.amount.value * 10n ** BigInt(b.amount.scale - scale);
  return new Quantity(nanos, fits(scaledA) && fits(scaledB) && fits(value) ? { value, scale } : undefined);
}

/** Go's AsInt64: only an int64 amount at a scale of zero or more that still fits. */
function asInt64(q: Quantity): bigint | undefined {
  if (!q.amount || q.amount.scale < 0) return undefined;
  const value = q.amount.value * 10n ** BigInt(q.amount.scale);
  try {
    return checkedInt(value);
  } catch {
    return undefined;
  }
}

/** Go's value x 10^scale in float64, where JavaScript's arithmetic gives the same double; elsewhere skipped. */
function approximateFloat(q: Quantity): number {
  if (!q.amount || Math.abs(q.amount.scale) > 22) undecided("an approximation tkc cannot reproduce exactly");
  const base = Number(q.amount.value);
  if (q.amount.scale === 0) return base;
  return q.amount.scale > 0 ? base * 10 ** q.amount.scale : base * (1 / 10 ** -q.amount.scale);
}
