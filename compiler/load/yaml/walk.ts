import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, Scalar } from "yaml";
import { type Diagnostic, error, warning } from "../../diagnostics/diagnostic.js";
import { pointerSegment } from "../../model/path.js";
import type { SourceLocation } from "../../model/source.js";
import { YamlCode } from "./codes.js";
import { yaml11OctalInt } from "./yaml11-octal.js";
import { beyondAnyNumber } from "./simple/scalars.js";

/** What the walk needs to turn offsets into positions. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly lineCounter: LineCounter;
  /** Read as JSON by kubectl (json-stream.ts), where `\u` escapes of surrogate pairs are allowed. */
  readonly json?: boolean;
}

/** One pass over a document's syntax tree, before any alias is expanded. */
export interface DocumentFacts {
  /** JSON pointer -> position of the mapping key or sequence item at that pointer. */
  readonly fieldOrigins: Map<string, SourceLocation>;
  /** Duplicate keys, recursive aliases, YAML 1.1 ambiguities. */
  readonly diagnostics: Diagnostic[];
  /** Alias nodes in the document. */
  readonly aliases: number;
  /** Nodes written in the document. */
  readonly literalNodes: number;
  /** Nodes after expanding every alias (capped at 1e15): what `toJS` would build. */
  readonly expandedNodes: number;
  /** The alias that expands to the most nodes, for the alias-bomb message. */
  readonly largestAlias?: { readonly location: SourceLocation; readonly nodes: number };
}

/** The position of `[start, end)`, the length cut at the end of the line (for the caret). */
export function locationAt(source: YamlSource, start: number, end: number): SourceLocation {
  const { line, col } = source.lineCounter.linePos(start);
  const newline = source.text.indexOf("\n", start);
  const stop = newline === -1 ? end : Math.min(end, newline);
  return { file: source.file, line, column: col, length: Math.max(1, stop - start) };
}

interface WalkState {
  readonly source: YamlSource;
  readonly merge: boolean;
  readonly facts: {
    fieldOrigins: Map<string, SourceLocation>;
    diagnostics: Diagnostic[];
    aliases: number;
    literalNodes: number;
    expandedNodes: number;
    largestAlias?: { location: SourceLocation; nodes: number };
  };
  /** Expanded size of each anchor defined so far (a later anchor of the same name replaces it). */
  readonly anchors: Map<string, number>;
  /** Anchors whose node is being walked: an alias to one of them makes a cycle. */
  readonly open: Set<string>;
}

const SIZE_CAP = 1e15;

/** Walks the document's tree once: origins, duplicate keys, YAML 1.1 pitfalls, alias expansion size. */
export function walkDocument(root: unknown, source: YamlSource, merge: boolean): DocumentFacts {
  const state: WalkState = {
    source,
    merge,
    facts: { fieldOrigins: new Map(), diagnostics: [], aliases: 0, literalNodes: 0, expandedNodes: 0 },
    anchors: new Map(),
    open: new Set(),
  };
  state.facts.expandedNodes = visit(root, "", true, state);
  return state.facts;
}

function range(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Returns the node's expanded size. `record` is false under complex keys (no JSON pointer there). */
function visit(node: unknown, pointer: string, record: boolean, state: WalkState): number {
  const { facts, source } = state;
  if (isAlias(node)) {
    facts.aliases++;
    facts.literalNodes++;
    const name = node.source;
    const r = range(node) ?? [0, 0];
    if (state.open.has(name)) {
      facts.diagnostics.push(
        error(YamlCode.aliasBomb, `the alias *${name} refers to its own anchor: the data would be infinitely deep`, {
          location: locationAt(source, r[0], r[1]),
          hint: "Kubernetes objects are trees; repeat the data instead of aliasing its parent",
        }),
      );
      return SIZE_CAP;
    }
    const nodes = state.anchors.get(name) ?? 1;
    if (!facts.largestAlias || nodes > facts.largestAlias.nodes) {
      facts.largestAlias = { location: locationAt(source, r[0], r[1]), nodes };
    }
    return nodes;
  }
  facts.literalNodes++;
  const anchor = (node as { anchor?: string } | null)?.anchor;
  if (anchor) state.open.add(anchor);
  let size = 1;
  if (isMap(node)) {
    let seen: Map<string, SourceLocation> | undefined;
    for (const pair of node.items) {
      const key = pair.key;
      let childPointer = pointer;
      let childRecord = false;
      if (isScalar(key) && record) {
        if (state.merge && key.source === "<<" && key.type === Scalar.PLAIN) {
          // merged keys land in this mapping; explicit keys win, so no duplicate check
          size += visit(pair.value, pointer, record, state);
          continue;
        }
        const name = key.value === null ? "" : String(key.value);
        const [start, end] = range(key) ?? [0, 0];
        const location = locationAt(source, start, end);
        seen ??= new Map();
        const first = seen.get(name);
        if (first) {
          facts.diagnostics.push(
            warning(YamlCode.duplicateKey, `the key ${JSON.stringify(name)} appears twice in this mapping; kubectl keeps the last value, and so does tkc`, {
              location,
              hint: "remove one of them: strict YAML readers refuse the file",
              related: [{ message: "first defined here", location: first }],
            }),
          );
        } else {
          seen.set(name, location);
        }
        childPointer = pointer + "/" + pointerSegment(name);
        childRecord = true;
        facts.fieldOrigins.set(childPointer, location);
        checkYaml11(key, state);
        size += 1;
        facts.literalNodes++;
      } else if (key !== null && key !== undefined) {
        if (record && (isMap(key) || isSeq(key))) {
          const [start, end] = range(key) ?? [0, 0];
          facts.diagnostics.push(
            error(YamlCode.syntax, "this mapping key is a list or a mapping: the API server reads YAML as JSON, whose keys are strings, and refuses it", {
              location: locationAt(source, start, end),
              hint: "write the key as a string (quote it)",
            }),
          );
        }
        size += visit(key, pointer, false, state);
      }
      if (pair.value !== null && pair.value !== undefined) size += visit(pair.value, childPointer, childRecord, state);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      const childPointer = pointer + "/" + i;
      if (record) {
        const r = range(isPair(item) ? item.key : item);
        if (r) facts.fieldOrigins.set(childPointer, locationAt(source, r[0], r[1]));
      }
      if (isPair(item)) {
        // `[a: 1]`: a one-pair mapping inside a flow sequence
        size += visit(item.key, childPointer, false, state) + visit(item.value, childPointer, false, state);
      } else {
        size += visit(item, childPointer, record, state);
      }
    }
  } else if (isScalar(node)) {
    // As kubectl reads it: the text, where a number would be infinity (simple/scalars.ts).
    if (node.type === Scalar.PLAIN && typeof node.value === "number" && typeof node.source === "string" && beyondAnyNumber(node.source)) node.value = node.source;
    checkYaml11(node, state);
    if (node.type === Scalar.QUOTE_DOUBLE) checkEscapes(node, state);
  }
  if (size > SIZE_CAP) size = SIZE_CAP;
  if (anchor) {
    state.open.delete(anchor);
    state.anchors.set(anchor, size);
  }
  return size;
}

/** y/n/yes/no/on/off in YAML 1.1 (Go's yaml.v2, which kubectl uses): booleans; in YAML 1.2: strings. */
const YAML11_BOOLEANS = new Map<string, boolean>(
  ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"].map((s) => [s, true] as [string, boolean]).concat(
    ["n", "N", "no", "No", "NO", "off", "Off", "OFF"].map((s) => [s, false] as [string, boolean]),
  ),
);
const YAML11_BINARY = /^[-+]?0b[01_]+$/;
const YAML11_UNDERSCORE_INT = /^[-+]?[0-9][0-9_]*_[0-9_]*$/;
const YAML11_SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * A `\u` escape of a surrogate (`"\ud83d\ude00"`, as JSON writes an emoji) in a double-quoted
 * scalar: YAML escapes name code points, and kubectl's reader (Go's yaml) refuses the whole file
 * ("found invalid Unicode character escape code"), though JavaScript's reader pairs them up.
 */
function checkEscapes(node: Scalar, state: WalkState): void {
  // A stream that starts with `{` is JSON to kubectl (NewYAMLOrJSONDecoder), where such pairs are fine.
  if (state.source.json) return;
  const [start, end] = range(node) ?? [0, 0];
  const raw = state.source.text.slice(start, end);
  for (let i = raw.indexOf("\\"); i !== -1 && i < raw.length - 1; i = raw.indexOf("\\", i + 2)) {
    if (raw[i + 1] !== "u") continue;
    const code = parseInt(raw.slice(i + 2, i + 6), 16);
    if (!(code >= 0xd800 && code <= 0xdfff)) continue;
    state.facts.diagnostics.push(error(YamlCode.syntax, `the escape ${raw.slice(i, i + 6)} names half of a surrogate pair, which YAML does not allow: kubectl refuses this file`, {
      location: locationAt(state.source, start + i, start + i + 6),
      hint: `write the character itself, or one escape of its code point${code <= 0xdbff && /^\\u[dD][c-fC-F]/.test(raw.slice(i + 6, i + 12)) ? ` (\\U${codePointOf(code, parseInt(raw.slice(i + 8, i + 12), 16))})` : ""}`,
    }));
    return;
  }
}

/** The code point of a surrogate pair, as eight hex digits. */
function codePointOf(high: number, low: number): string {
  return ((high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000).toString(16).toUpperCase().padStart(8, "0");
}

/** Warns when a plain scalar means something else to kubectl's YAML 1.1 reader than to YAML 1.2. */
function checkYaml11(node: Scalar, state: WalkState): void {
  if (node.type !== Scalar.PLAIN || typeof node.source !== "string") return;
  const [start, end] = range(node) ?? [0, 0];
  const found = yaml11Warning(node.source, node.value, () => locationAt(state.source, start, end));
  if (found) state.facts.diagnostics.push(found);
}

/**
 * The TKC1108 warning for a plain scalar `text` read as `value`, if kubectl's YAML 1.1 reader
 * reads it differently (also used by the simple reader, simple/parse.ts).
 */
export function yaml11Warning(text: string, value: unknown, location: () => SourceLocation): Diagnostic | undefined {
  const first = text.charCodeAt(0);
  const number = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d;
  // only numbers and the 1-3 letter booleans read differently: most scalars stop here
  if (!number && text.length > 3) return undefined;
  let kubectl: string | undefined;
  if (YAML11_BOOLEANS.has(text)) kubectl = `the boolean ${YAML11_BOOLEANS.get(text)}`;
  else if (number) {
    if ((yaml11OctalInt.test as RegExp).test(text) && /[1-9]/.test(text)) kubectl = "an octal number";
    else if (YAML11_BINARY.test(text)) kubectl = "a binary number";
    else if (YAML11_UNDERSCORE_INT.test(text)) kubectl = "a number with digit separators";
    else if (YAML11_SEXAGESIMAL.test(text)) kubectl = "a base-60 number";
    else if (typeof value === "string" && beyondAnyNumber(text)) {
      return warning(YamlCode.yaml11Ambiguity, `the unquoted ${text.length > 40 ? text.slice(0, 40) + "..." : text} is beyond any number: kubectl's YAML 1.1 reader keeps it as a string (and so does tkc), YAML 1.2 tools read infinity`, {
        location: location(),
        hint: "quote it if you mean the string; no Kubernetes field takes a number this large",
      });
    }
  }
  if (kubectl === undefined) return undefined;
  if (kubectl === "an octal number") {
    // Read as kubectl reads it (yaml11-octal.ts); only YAML 1.2 tools differ.
    return warning(YamlCode.yaml11Ambiguity, `the unquoted ${text} is the octal number ${String(value)} to kubectl's YAML 1.1 reader (and to tkc), but ${text.replace(/^([-+]?)0+(?=.)/, "$1").replaceAll("_", "")} to YAML 1.2 tools`, {
      location: location(),
      hint: `write it in decimal (${String(value)}) so that every reader agrees`,
    });
  }
  const here = JSON.stringify(value);
  return warning(YamlCode.yaml11Ambiguity, `kubectl's YAML 1.1 reader takes the unquoted ${text} as ${kubectl}, not ${here} as read here`, {
    location: location(),
    hint: typeof value === "string" ? `quote it if you mean the string: "${text}"` : `quote it ("${text}") or write the number in decimal`,
  });
}
