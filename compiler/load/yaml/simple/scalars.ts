/**
 * Scalars as the `yaml` package reads them with tkc's settings (read.ts): YAML 1.2's core schema
 * with YAML 1.1's octal integers first. The plain-scalar tests and conversions are the package's
 * own (yaml 2.x `schema/core`), so both readers give the same value for the same text.
 */
import { yaml11OctalInt } from "../yaml11-octal.js";

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A plain number beyond any float (`1e400`, 400 digits): YAML 1.2's core schema reads infinity,
 * but Go's yaml.v2 (kubectl, through sigs.k8s.io/yaml) keeps the text as a string when its
 * number parsing overflows. tkc reads it as kubectl does; walk.ts warns (TKC1108).
 */
export function beyondAnyNumber(text: string): boolean {
  if (INT.test(text)) return !Number.isFinite(parseInt(text, 10));
  if (INT_HEX.test(text)) return !Number.isFinite(parseInt(text.substring(2), 16));
  return (FLOAT_EXP.test(text) || FLOAT.test(text)) && !Number.isFinite(parseFloat(text));
}

/** The value of a plain scalar, tested in the order the reader's schema lists its tags. */
export function plainValue(text: string): unknown {
  const first = text.charCodeAt(0);
  // Only these can start anything but a string: a fast answer for the common case.
  const maybeNotString = text === "" || first === 0x7e /* ~ */ || first === 0x2e /* . */ || first === 0x2b /* + */ || first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39) || "nNtTfF".includes(text[0]!);
  if (!maybeNotString) return text;
  // the reader's own tag first, as its schema lists it (read.ts)
  if ((yaml11OctalInt.test as RegExp).test(text)) return yaml11OctalInt.resolve(text, () => undefined, {});
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (beyondAnyNumber(text)) return text;
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029", " ": " ", '"': '"', "/": "/", "\\": "\\", "\t": "\t",
};

/**
 * A double-quoted scalar that ends on its own line: `[value, index after the closing quote]`, or
 * undefined when it goes on to the next line or holds an escape outside YAML's list (the full
 * reader decides those).
 */
export function doubleQuoted(line: string, open: number): [string, number] | undefined {
  let out = "";
  let from = open + 1;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) return [out + line.slice(from, i), i + 1];
    if (c !== 0x5c) continue;
    out += line.slice(from, i);
    const next = line[i + 1];
    if (next === undefined) return undefined;
    const width = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    if (width > 0) {
      const hex = line.slice(i + 2, i + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      // A surrogate is refused by kubectl's reader: left to the full reader, which says so (walk.ts).
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + width;
    } else {
      const escaped = ESCAPES[next];
      if (escaped === undefined) return undefined;
      out += escaped;
      i += 1;
    }
    from = i + 1;
  }
  return undefined;
}

/** A single-quoted scalar that ends on its own line (`''` is one quote), as doubleQuoted. */
export function singleQuoted(line: string, open: number): [string, number] | undefined {
  let out = "";
  let from = open + 1;
  for (let i = from; i < line.length; i++) {
    if (line.charCodeAt(i) !== 0x27) continue;
    if (line.charCodeAt(i + 1) === 0x27) {
      out += line.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return [out + line.slice(from, i), i + 1];
  }
  return undefined;
}
