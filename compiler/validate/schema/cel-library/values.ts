/**
 * What the library modules share: how they give up, and CEL's equality and ordering for the
 * plain values a CRD's object holds. Each library throws where the API server would raise an
 * error, and also where tkc cannot be sure of the API server's answer: either way the rule is
 * skipped (cel-rules.ts), never reported.
 */

/** Thrown where the API server raises an error: `isIP()` and the like answer false to it. */
export class CelLibraryError extends Error {}

/** Thrown where tkc cannot be sure of the API server's answer: no function turns it into a value. */
export class Undecided extends Error {}

export function fail(message: string): never {
  throw new CelLibraryError(message);
}

export function undecided(message: string): never {
  throw new Undecided(message);
}

/** Whether `parse` returns rather than raising the API server's error (an Undecided goes on up). */
export function isValid(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (e) {
    if (e instanceof CelLibraryError) return false;
    throw e;
  }
}

/** The string's characters (code points), as Go's []rune counts them; a lone surrogate (not UTF-8) is not guessed at. */
export function runes(text: string): string[] {
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) undecided("a string that is not well-formed UTF-16 (no UTF-8 form)");
  return Array.from(text);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function checkedInt(value: bigint): bigint {
  if (value < INT64_MIN || value > INT64_MAX) fail("integer overflow");
  return value;
}

/**
 * CEL's == for scalars (ints as bigint, doubles as number, strings, bools, null); anything else
 * (lists, maps, bytes, uints, library types) throws rather than guess at the evaluator's forms.
 */
export function scalarEquals(a: unknown, b: unknown): boolean {
  const ka = scalarKind(a);
  const kb = scalarKind(b);
  if (ka === kb) return a === b; // NaN is unequal to itself, as in CEL
  // Numbers compare across int and double, as cel-go's heterogeneous equality does.
  if ((ka === "int" && kb === "double") || (ka === "double" && kb === "int")) {
    const [i, d] = ka === "int" ? [a as bigint, b as number] : [b as bigint, a as number];
    return Number.isInteger(d) && BigInt(d) === i;
  }
  return false;
}

type ScalarKind = "int" | "double" | "string" | "bool" | "null";

function scalarKind(value: unknown): ScalarKind {
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return "double";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (value === null) return "null";
  return fail("a value tkc does not compare");
}

/**
 * -1, 0 or 1 for two values of one orderable kind (int, double, string, bool), as CEL orders
 * them: strings by code point (Go compares UTF-8 bytes, which is the same order). Mixed kinds
 * and NaN (which cel-go refuses to order) throw.
 */
export function compareScalars(a: unknown, b: unknown): -1 | 0 | 1 {
  const kind = scalarKind(a);
  if (kind !== scalarKind(b) || kind === "null") fail("values of different kinds are not ordered");
  if (kind === "double" && (Number.isNaN(a) || Number.isNaN(b))) undecided("NaN, which cel-go does not order");
  if (kind === "string") return compareCodePoints(a as string, b as string);
  const x = a as bigint | number | boolean;
  const y = b as bigint | number | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  const x = runes(a);
  const y = runes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/** The list as an array, or a throw for a map or anything else. */
export function asList(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) fail("not a list");
  return value;
}
