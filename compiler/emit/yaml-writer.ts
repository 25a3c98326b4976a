/**
 * The canonical YAML writer: one JSON value in, one YAML document out, byte-for-byte deterministic.
 *
 * Style (the one kubectl prints, and `yaml`'s `stringify` with `indentSeq: false`): 2-space
 * indentation, block style, sequences "indentless" under their key (`containers:\n- name: x`),
 * `{}` / `[]` for empty collections, no anchors, no `---` (the caller joins documents).
 *
 * Scalars are written so that YAML 1.1 readers (kubectl, Go's yaml.v2) and YAML 1.2 readers read
 * back exactly the same JSON value: a string is quoted whenever either would read it as something
 * else (`yes`, `012`, `12:30`, `2024-01-01`, ...). Quoting is JSON-style double quotes; strings with
 * line breaks become literal block scalars where a block scalar can represent them exactly.
 *
 * This is on the hot path (every emitted object), hence one string-builder walk with no
 * intermediate nodes; `out += ...` builds a V8 rope, flattened once at the end.
 */

/** Top-level keys of a Kubernetes object, in the order they are written; the rest follow sorted. */
export const OBJECT_KEY_ORDER: readonly string[] = ["apiVersion", "kind", "metadata", "spec", "data", "stringData", "binaryData"];
/** Keys of an object's `metadata`, in the order they are written; the rest follow sorted. */
export const METADATA_KEY_ORDER: readonly string[] = ["name", "namespace", "labels", "annotations"];

/** Which ordering rule applies to a mapping: the object root, its `metadata`, or anything else. */
export type KeyOrderRole = "object" | "metadata" | "plain";

/**
 * The canonical order of a mapping's keys (keys whose value is `undefined` are dropped).
 * Shared with the bundle digest so that both see the same order. "plain" is UTF-16 code unit order
 * (`Array.prototype.sort`'s default on strings, the same as `<`), never locale-dependent.
 */
export function canonicalKeys(value: Readonly<Record<string, unknown>>, role: KeyOrderRole = "plain"): string[] {
  let keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (value[keys[i]] === undefined) {
      keys = keys.filter((key) => value[key] !== undefined);
      break;
    }
  }
  sortKeys(keys);
  if (role === "plain") return keys;
  return prioritise(keys, role === "object" ? OBJECT_KEY_ORDER : METADATA_KEY_ORDER);
}

/** The role of a document's root: a Kubernetes object gets the `apiVersion, kind, metadata` order. */
export function rootRole(value: unknown): KeyOrderRole {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "plain";
  const record = value as Record<string, unknown>;
  return typeof record.apiVersion === "string" && typeof record.kind === "string" ? "object" : "plain";
}

/** Code unit order; insertion sort beats `Array.prototype.sort` on the few keys objects have. */
function sortKeys(keys: string[]): void {
  const n = keys.length;
  if (n > 24) {
    keys.sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}

function prioritise(sorted: string[], first: readonly string[]): string[] {
  const head: string[] = [];
  for (const key of first) if (sorted.includes(key)) head.push(key);
  if (head.length === 0) return sorted;
  for (const key of sorted) if (!first.includes(key)) head.push(key);
  return head;
}

/** Serialises one JSON value as a canonical YAML document (no `---`), ending in a newline. */
export function toCanonicalYaml(value: unknown): string {
  out = "";
  try {
    if (value !== null && typeof value === "object") {
      if (Array.isArray(value)) {
        if (value.length === 0) out = "[]\n";
        else writeSequence(value, 0, false, 0);
      } else {
        const role = rootRole(value);
        const keys = canonicalKeys(checkPlainObject(value), role);
        if (keys.length === 0) out = "{}\n";
        else writeMapping(value as Record<string, unknown>, keys, 0, false, 0, role === "object");
      }
    } else if (typeof value === "string" && value.includes("\n")) {
      out = blockScalar(value, 2, true) ?? doubleQuoted(value) + "\n";
    } else {
      out = scalar(value, true) + "\n";
    }
    return out;
  } finally {
    out = ""; // release the rope between calls
  }
}

const MAX_DEPTH = 1000;
let out = "";

const PADS: string[] = [""];
function pad(n: number): string {
  while (PADS.length <= n) PADS.push(PADS[PADS.length - 1] + " ");
  return PADS[n];
}

function checkPlainObject(value: object): Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`toCanonicalYaml: not JSON data: ${Object.prototype.toString.call(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Writes `keys` of `map` at `indent`; the first line is already indented when `inline`. */
function writeMapping(map: Record<string, unknown>, keys: string[], indent: number, inline: boolean, depth: number, kubeRoot: boolean): void {
  if (depth > MAX_DEPTH) throw new Error("toCanonicalYaml: value nested too deeply (cyclic?)");
  const prefix = pad(indent);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let k = key.length > 250 ? undefined : KEY_CACHE.get(key);
    if (k === undefined) {
      k = scalarString(key, false);
      if (k.length > 1000) k = "? " + k + "\n" + prefix + ":"; // implicit keys stop at 1024 chars
      else {
        k += ":";
        if (key.length <= 250) remember(KEY_CACHE, key, k);
      }
    }
    // each line is built small and appended once: fewer nodes in the output rope
    const line = i > 0 || !inline ? prefix + k : k;
    const v = map[key];
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) {
        if (v.length === 0) out += line + " []\n";
        else {
          out += line + "\n";
          writeSequence(v, indent, false, depth + 1);
        }
      } else {
        const childKeys = canonicalKeys(checkPlainObject(v), kubeRoot && key === "metadata" ? "metadata" : "plain");
        if (childKeys.length === 0) out += line + " {}\n";
        else {
          out += line + "\n";
          writeMapping(v as Record<string, unknown>, childKeys, indent + 2, false, depth + 1, false);
        }
      }
    } else if (typeof v === "string" && v.includes("\n")) {
      const block = blockScalar(v, indent + 2, false);
      out += block === undefined ? line + " " + doubleQuoted(v) + "\n" : line + " " + block;
    } else {
      out += line + " " + scalar(v, false) + "\n";
    }
  }
}

/** Writes the items of `seq` as `- item` lines at `indent`; the first is already indented when `inline`. */
function writeSequence(seq: readonly unknown[], indent: number, inline: boolean, depth: number): void {
  if (depth > MAX_DEPTH) throw new Error("toCanonicalYaml: value nested too deeply (cyclic?)");
  const dash = pad(indent) + "- ";
  for (let i = 0; i < seq.length; i++) {
    const line = i > 0 || !inline ? dash : "- ";
    const v = seq[i];
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) {
        if (v.length === 0) out += line + "[]\n";
        else {
          out += line;
          writeSequence(v, indent + 2, true, depth + 1);
        }
      } else {
        const keys = canonicalKeys(checkPlainObject(v), "plain");
        if (keys.length === 0) out += line + "{}\n";
        else {
          out += line;
          writeMapping(v as Record<string, unknown>, keys, indent + 2, true, depth + 1, false);
        }
      }
    } else if (typeof v === "string" && v.includes("\n")) {
      const block = blockScalar(v, indent + 2, false);
      out += block === undefined ? line + doubleQuoted(v) + "\n" : line + block;
    } else {
      out += line + scalar(v, false) + "\n";
    }
  }
}

function scalar(v: unknown, root: boolean): string {
  switch (typeof v) {
    case "string":
      return scalarString(v, root);
    case "number":
      return numberText(v);
    case "boolean":
      return v ? "true" : "false";
    case "object":
      if (v === null) return "null";
      break;
  }
  throw new Error(`toCanonicalYaml: not JSON data: ${v === undefined ? "undefined" : typeof v}`);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`toCanonicalYaml: not JSON data: ${n}`);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n === 0 ? "0" : String(n); // "-0" is JSON's 0
  const s = String(n);
  // "1e+21" is a float in YAML 1.2 and in `yaml`'s 1.1 schema, but the YAML 1.1 spec's float wants a
  // dot (`1.0e+21`): write the dot so strict 1.1 readers agree too. 1.2 and JSON accept it.
  const e = s.indexOf("e");
  if (e !== -1 && s.lastIndexOf(".", e) === -1) return s.slice(0, e) + ".0" + s.slice(e);
  return s;
}

/** Plain if every YAML 1.1 and 1.2 reader reads it back as this string, else double-quoted. */
function scalarString(s: string, root: boolean): string {
  if (root) return needsQuotes(s, true) ? doubleQuoted(s) : s;
  if (s.length > 64) return needsQuotes(s, false) ? doubleQuoted(s) : s;
  let text = VALUE_CACHE.get(s);
  if (text === undefined) {
    text = needsQuotes(s, false) ? doubleQuoted(s) : s;
    remember(VALUE_CACHE, s, text);
  }
  return text;
}

// Keys and short values repeat across objects (`name`, `TCP`, `http`); their rendering is cached.
const KEY_CACHE = new Map<string, string>();
const VALUE_CACHE = new Map<string, string>();
function remember(cache: Map<string, string>, s: string, text: string): void {
  if (cache.size >= 20_000) cache.clear();
  cache.set(s, text);
}

/**
 * A string as a scalar inside a flow collection (`[a, b]`, `{k: v}`), as the diff prints values:
 * the block rule above, and quoted when it holds a flow indicator (`,` `[` `]` `{` `}`).
 */
export function flowScalarString(s: string): string {
  return needsQuotes(s, false) || FLOW_INDICATOR.test(s) ? doubleQuoted(s) : s;
}
const FLOW_INDICATOR = /[,[\]{}]/;

/** null/bool spellings of YAML 1.1 (yaml.v2's resolve table) and 1.2, merge `<<` and value `=`. */
const RESERVED = new Set([
  "~", "null", "Null", "NULL",
  "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
  "true", "True", "TRUE", "false", "False", "FALSE",
  "on", "On", "ON", "off", "Off", "OFF",
  "<<", "=",
]);

/**
 * Numbers in any of YAML 1.1 (spec and yaml.v2: binary, octal `012`, hex, `_` separators,
 * sexagesimal `12:30`, `.5`, `.inf`, `.nan`) and 1.2 core (`0o17`, `1e3`), and the 1.1 timestamp.
 * A superset is harmless (a few extra quotes); a gap would change data.
 */
const NUMBER_LIKE =
  /^[-+]?(?:0b[0-1_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))$|^\.(?:nan|NaN|NAN)$/;
const TIMESTAMP_LIKE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])/;

function needsQuotes(s: string, root: boolean): boolean {
  const n = s.length;
  if (n === 0) return true;
  const first = s.charCodeAt(0);
  switch (first) {
    // `-` may start a plain scalar when followed by a non-space (`--port=80`), except "---"
    case 0x2d: // -
      if (n === 1 || s.charCodeAt(1) === 0x20 || s.startsWith("---")) return true;
      break;
    case 0x3f: case 0x3a: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: // ? : , [ ] { }
    case 0x23: case 0x26: case 0x2a: case 0x21: case 0x7c: case 0x3e: case 0x27: // # & * ! | > '
    case 0x22: case 0x25: case 0x40: case 0x60: case 0x20: // " % @ ` space
      return true;
  }
  if (s.charCodeAt(n - 1) === 0x20 || s.charCodeAt(n - 1) === 0x3a) return true; // trailing space, `key:`
  if (root && s.startsWith("...")) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true; // control characters, tab
    if (c === 0x3a) {
      if (s.charCodeAt(i + 1) === 0x20) return true; // ": "
    } else if (c === 0x23) {
      if (s.charCodeAt(i - 1) === 0x20) return true; // " #"
    } else if (c >= 0x80 && !printableNonAscii(c, s, i)) {
      return true;
    }
  }
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    return NUMBER_LIKE.test(s) || TIMESTAMP_LIKE.test(s);
  }
  return RESERVED.has(s);
}

/**
 * Non-ASCII characters safe in a plain or block scalar: not C1 controls, not NEL/LS/PS (line
 * breaks in YAML 1.1), not a BOM, not a lone surrogate, not U+FFFE/U+FFFF.
 */
function printableNonAscii(c: number, s: string, i: number): boolean {
  if (c <= 0x9f) return false;
  if (c < 0xd800) return c !== 0x2028 && c !== 0x2029;
  if (c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (c <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff;
  }
  return c !== 0xfeff && c !== 0xfffe && c !== 0xffff;
}

const EXTRA_ESCAPES = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** JSON's escapes (a YAML double-quoted subset), plus those YAML needs that JSON leaves raw. */
function doubleQuoted(s: string): string {
  const json = JSON.stringify(s);
  EXTRA_ESCAPES.lastIndex = 0;
  if (!EXTRA_ESCAPES.test(json)) return json;
  return json.replace(EXTRA_ESCAPES, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/**
 * `|`, `|-` or `|+` followed by the lines at `indent`, or undefined when a literal block cannot hold
 * the string exactly: carriage returns (readers normalise line breaks), other non-printables,
 * a line ending in a space, and leading spaces at the document root.
 */
function blockScalar(s: string, indent: number, root: boolean): string | undefined {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 0x0a && c !== 0x09 : c === 0x7f || (c >= 0x80 && !printableNonAscii(c, s, i))) return undefined;
    // libyaml's rule: no block scalar with trailing spaces on a line. Readers disagree on lines of
    // only spaces (`yaml` drops a last such line after an indentation indicator: `|2-\n   x\n   `).
    if (c === 0x20 && (i === n - 1 || s.charCodeAt(i + 1) === 0x0a)) return undefined;
  }
  let header = "|";
  // Indentation is detected from the first non-empty line; a leading space there needs "2". So
  // does a leading tab: libyaml (Go's yaml, so kubectl) refuses it as indentation otherwise
  // ("found a tab character where an indentation space is expected"); the `yaml` package does not.
  let firstContent = 0;
  while (firstContent < n && s.charCodeAt(firstContent) === 0x0a) firstContent++;
  if (s.charCodeAt(firstContent) === 0x20 || s.charCodeAt(firstContent) === 0x09) {
    if (root) return undefined;
    header += "2";
  }
  let end = n;
  while (end > 0 && s.charCodeAt(end - 1) === 0x0a) end--;
  const trailing = n - end;
  if (trailing === 0) header += "-";
  else if (trailing > 1 || end === 0) header += "+";
  const prefix = pad(indent);
  let text = header + "\n";
  let start = 0;
  while (start < end) {
    let nl = s.indexOf("\n", start);
    if (nl === -1 || nl > end) nl = end;
    text += nl === start ? "\n" : prefix + s.slice(start, nl) + "\n";
    start = nl + 1;
  }
  // keep-chomping: each trailing newline beyond the last content line's own is an empty line
  for (let i = end === 0 ? 0 : 1; i < trailing; i++) text += "\n";
  return text;
}
