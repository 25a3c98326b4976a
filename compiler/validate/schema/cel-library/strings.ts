/**
 * cel-go's strings extension at the version Kubernetes 1.29+ gives CRD rules (ext.Strings,
 * version 2): positions count characters (Go's runes), not UTF-16 units as JavaScript does,
 * cases change for ASCII letters only, and trim() removes what Go's unicode.IsSpace calls space.
 * `format()` is left out (skipped): its output follows Go's fmt and locale tables.
 *
 * The evaluator has its own indexOf, substring, split, ... with JavaScript's semantics, which it
 * does not let a program replace: cel-engine.ts renames those calls to the names `name` gives.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { fail, runes } from "./values.js";

export function registerStrings(environment: Environment, name: (method: string) => string): void {
  environment
    .registerFunction(`string.${name("charAt")}(int): string`, (text: string, at: bigint) => {
      const chars = runes(text);
      if (at < 0n || at > BigInt(chars.length)) fail(`index out of range: ${at}`);
      return chars[Number(at)] ?? "";
    })
    .registerFunction(`string.${name("indexOf")}(string): int`, (text: string, search: string) => indexOf(text, search, 0n))
    .registerFunction(`string.${name("indexOf")}(string, int): int`, indexOf)
    .registerFunction(`string.${name("lastIndexOf")}(string): int`, (text: string, search: string) =>
      search === "" ? BigInt(runes(text).length) : lastIndexOf(text, search, BigInt(runes(text).length - 1)))
    .registerFunction(`string.${name("lastIndexOf")}(string, int): int`, lastIndexOf)
    .registerFunction(`string.${name("lowerAscii")}(): string`, (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase()))
    .registerFunction(`string.${name("upperAscii")}(): string`, (text: string) => text.replace(/[a-z]+/g, (s) => s.toUpperCase()))
    .registerFunction(`string.${name("replace")}(string, string): string`, (text: string, old: string, by: string) => replace(text, old, by, -1n))
    .registerFunction(`string.${name("replace")}(string, string, int): string`, replace)
    .registerFunction(`string.${name("split")}(string): list<string>`, (text: string, separator: string) => split(text, separator, -1n))
    .registerFunction(`string.${name("split")}(string, int): list<string>`, split)
    .registerFunction(`string.${name("substring")}(int): string`, (text: string, start: bigint) => substring(text, start, BigInt(runes(text).length)))
    .registerFunction(`string.${name("substring")}(int, int): string`, substring)
    .registerFunction(`string.${name("trim")}(): string`, (text: string) => runes(text) && text.replace(GO_SPACE_AT_ENDS, ""))
    .registerFunction(`list.${name("join")}(): string`, (list: unknown) => join(list, ""))
    .registerFunction(`list.${name("join")}(string): string`, join)
    .registerFunction(`${name("strings.quote")}(string): string`, quote);
}

// unicode.IsSpace: ASCII and Latin-1 spaces, then the White_Space property (no U+FEFF, which JavaScript's trim() takes).
const GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const GO_SPACE_AT_ENDS = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, "g");

function indexOf(text: string, search: string, offset: bigint): bigint {
  if (search === "") return offset;
  const chars = runes(text);
  const wanted = runes(search);
  if (offset < 0n || offset >= BigInt(chars.length)) fail(`index out of range: ${offset}`);
  for (let i = Number(offset); i + wanted.length <= chars.length; i++) if (wanted.every((c, j) => chars[i + j] === c)) return BigInt(i);
  return -1n;
}

function lastIndexOf(text: string, search: string, offset: bigint): bigint {
  if (search === "") return offset;
  const chars = runes(text);
  const wanted = runes(search);
  if (offset < 0n || offset >= BigInt(chars.length)) fail(`index out of range: ${offset}`);
  for (let i = Math.min(Number(offset), chars.length - wanted.length); i >= 0; i--) if (wanted.every((c, j) => chars[i + j] === c)) return BigInt(i);
  return -1n;
}

/** Go's strings.Replace: at most `limit` replacements (all when negative), an empty `old` matching before each character and at the end. */
function replace(text: string, old: string, by: string, limit: bigint): string {
  const chars = runes(text);
  runes(old);
  runes(by);
  let left = limit < 0n ? Infinity : Number(limit);
  if (old === "") {
    let out = "";
    for (const c of chars) {
      if (left-- > 0) out += by;
      out += c;
    }
    return left > 0 ? out + by : out;
  }
  let out = "";
  let from = 0;
  for (let at = text.indexOf(old); at >= 0 && left > 0; at = text.indexOf(old, from), left--) {
    out += text.slice(from, at) + by;
    from = at + old.length;
  }
  return out + text.slice(from);
}

/** Go's strings.SplitN: no parts for a limit of 0, the rest of the text in the last part, characters for an empty separator. */
function split(text: string, separator: string, limit: bigint): string[] {
  if (limit === 0n) return [];
  runes(separator);
  const parts = separator === "" ? runes(text) : (runes(text), text.split(separator));
  if (limit < 0n || BigInt(parts.length) <= limit) return parts;
  const n = Number(limit);
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

function substring(text: string, start: bigint, end: bigint): string {
  const chars = runes(text);
  if (start > end) fail(`invalid substring range. start: ${start}, end: ${end}`);
  if (start < 0n || start > BigInt(chars.length)) fail(`index out of range: ${start}`);
  if (end < 0n || end > BigInt(chars.length)) fail(`index out of range: ${end}`);
  return chars.slice(Number(start), Number(end)).join("");
}

function join(list: unknown, separator: string): string {
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string")) fail("join of a list that is not all strings");
  return list.join(separator);
}

const QUOTED: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"' };

function quote(text: string): string {
  return `"${runes(text).map((c) => QUOTED[c] ?? c).join("")}"`;
}
