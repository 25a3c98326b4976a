/**
 * A fast reader for the YAML that manifests are made of: block mappings and sequences, plain and
 * quoted scalars on one line or several (multi-line.ts), literal and folded block scalars, `[]`,
 * `{}` and one-line flow sequences of scalars. It gives what the full reader (read.ts, the `yaml`
 * package) gives for such text: the same values, the same origins of keys and items, the same
 * YAML 1.1 warnings, the same lines of a Secret's data.
 *
 * Why: the `yaml` package builds a token stream, a syntax tree and then the values, ~5 MB/s;
 * `tkc validate` spent two thirds of its time there. This reader works line by line on the text.
 *
 * It is exact or it declines: anything outside that shape (anchors, tags, flow mappings with
 * content, tabs in indentation, duplicate keys, comments inside scalars, ...) makes it return
 * undefined for the whole file, and the full reader reads it, with its own messages.
 */
import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import { pointerSegment } from "../../../model/path.js";
import type { SourceLocation } from "../../../model/source.js";
import { yaml11Warning } from "../walk.js";
import { decline, Declined, indentOf, onlyComment, SPACE } from "./lines.js";
import { blockScalar, continuePlain, continueQuoted } from "./multi-line.js";
import { doubleQuoted, plainValue, singleQuoted } from "./scalars.js";

/** One document as the full reader would have composed it. */
export interface SimpleDocument {
  /** The document's value; undefined for an empty (or comment-only) document. */
  readonly value?: unknown;
  /** Where its root node starts. */
  readonly origin?: SourceLocation;
  /** JSON pointer -> position of the key or sequence item, as walk.ts records them. */
  readonly fieldOrigins: Map<string, SourceLocation>;
  /** YAML 1.1 warnings, in document order. */
  readonly diagnostics: Diagnostic[];
  /** The first and last line (1-based) of each `data` and `stringData` mapping (Secrets mask them). */
  readonly dataLines: Map<object, readonly [number, number]>;
}


// Characters the full reader treats specially anywhere (CR, BOM, controls, C1, line separators).
const UNUSUAL = /[\r\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]/;
// Plain keys written in manifests; anything else (spaces, quotes inside, `<<`, `?`) is left to the full reader.
const PLAIN_KEY = /^[A-Za-z0-9_$./][A-Za-z0-9_$./\-+=~@^()]*$/;
const MAX_KEY_LENGTH = 1024;

/** `maxDocuments`: past this many it declines, so the full reader, which streams, reports the limit. */
export function readSimpleYaml(file: string, text: string, maxDocuments = Infinity): SimpleDocument[] | undefined {
  if (UNUSUAL.test(text)) return undefined;
  // A document takes at least 4 characters (`---\n`): only a text that long can hold too many,
  // and then its markers are counted before its lines are split (4M of them would not fit).
  if (text.length >= 4 * maxDocuments && markers(text) >= maxDocuments) return undefined;
  const reader = new SimpleReader(file, text, maxDocuments);
  try {
    return reader.documents();
  } catch (cause) {
    if (cause instanceof Declined || cause instanceof RangeError) return undefined;
    throw cause;
  }
}

class SimpleReader {
  readonly lines: string[];
  /** Leading spaces of each line (each line's is asked for several times). */
  readonly indents: Int32Array;
  /** The line being read. */
  private row = 0;
  private document!: { fieldOrigins: Map<string, SourceLocation>; diagnostics: Diagnostic[]; dataLines: Map<object, readonly [number, number]> };
  /** Documents begun. */
  private count = 0;
  /** Last line that holds content of the node just read (for the data spans). */
  private lastContentRow = 0;

  constructor(private readonly file: string, text: string, private readonly maxDocuments: number) {
    this.lines = text.split("\n");
    this.indents = new Int32Array(this.lines.length);
    for (let i = 0; i < this.lines.length; i++) this.indents[i] = indentOf(this.lines[i]!);
  }

  documents(): SimpleDocument[] {
    const out: SimpleDocument[] = [];
    this.skipBlank();
    if (this.row < this.lines.length && this.lines[this.row]!.startsWith("%")) decline();
    // Content before the first `---` is a document of its own; comments there belong to the next one.
    if (this.row < this.lines.length && !this.isMarker(this.row, "---")) out.push(this.document_());
    while (this.row < this.lines.length) {
      if (!this.isMarker(this.row, "---")) decline();
      if (!onlyComment(this.lines[this.row]!, 3)) decline();
      this.row++;
      out.push(this.document_());
    }
    return out;
  }

  /** One document's body, up to the next `---` (or the end); a `...` may end it. */
  private document_(): SimpleDocument {
    if (++this.count > this.maxDocuments) decline();
    this.document = { fieldOrigins: new Map(), diagnostics: [], dataLines: new Map() };
    this.skipBlank();
    let value: unknown;
    let origin: SourceLocation | undefined;
    if (this.row < this.lines.length && !this.isMarker(this.row, "---") && !this.isMarker(this.row, "...")) {
      const indent = this.indents[this.row]!;
      origin = this.location(this.row, indent, indent + 1);
      value = this.blockNode(indent, -1, "");
      this.skipBlank();
    }
    if (this.row < this.lines.length && this.isMarker(this.row, "...")) {
      if (value === undefined || !onlyComment(this.lines[this.row]!, 3)) decline();
      this.row++;
      this.skipBlank();
      // a `...` not followed by `---` would start a document without a marker
      if (this.row < this.lines.length && !this.isMarker(this.row, "---")) decline();
    }
    if (this.row < this.lines.length && !this.isMarker(this.row, "---")) decline();
    return { value, origin, ...this.document };
  }

  /**
   * The node whose first line is the current row, at `indent`, inside a node at `parent`. `item`:
   * it is a sequence entry's, whose origin is recorded (a collection's runs to the end of its line).
   */
  private blockNode(indent: number, parent: number, pointer: string, item = false): unknown {
    const line = this.lines[this.row]!;
    const sequence = isSequenceEntry(line, indent);
    if (sequence || keyEnd(line, indent) !== undefined) {
      if (item) this.document.fieldOrigins.set(pointer, this.location(this.row, indent, line.length));
      return sequence ? this.sequence(indent, pointer) : this.mapping(indent, indent, pointer);
    }
    // a scalar on a line of its own, below its key or dash
    return this.value(line, indent, parent, pointer, false, item);
  }

  /** A block mapping whose keys are at column `indent`; its first key starts at `column` of the current row. */
  private mapping(indent: number, column: number, pointer: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let first = true;
    for (;;) {
      const row = this.row;
      const line = this.lines[row]!;
      const start = first ? column : indent;
      first = false;
      const key = this.key(line, start);
      if (key === undefined) decline();
      const { name, end, colon } = key!;
      if (name === "__proto__" || Object.prototype.hasOwnProperty.call(map, name)) decline();
      const childPointer = pointer + "/" + pointerSegment(name);
      this.document.fieldOrigins.set(childPointer, this.location(row, start, end));
      const value = this.value(line, colon + 1, indent, childPointer, true);
      map[name] = value;
      if ((name === "data" || name === "stringData") && value !== null && typeof value === "object" && !Array.isArray(value)) {
        // from its first line (the key's, for a flow mapping; else the first one below it that is
        // not blank or a comment) to the last line of its last value
        let first = row;
        if (onlyComment(line, colon + 1)) {
          first = row + 1;
          while (first < this.lines.length && (this.indents[first] === this.lines[first]!.length || this.lines[first]!.charCodeAt(this.indents[first]!) === 0x23)) first++;
        }
        this.document.dataLines.set(value, [first + 1, this.lastContentRow + 1]);
      }
      this.skipBlank();
      if (this.row >= this.lines.length || this.atMarker()) return map;
      const next = this.indents[this.row]!;
      if (next < indent) return map;
      if (next > indent) decline();
      // a sequence entry at this column ends a compact sequence's parent only if it is a key
      if (isSequenceEntry(this.lines[this.row]!, indent)) return map;
    }
  }

  /** A block sequence whose `-` are at column `indent`. */
  private sequence(indent: number, pointer: string): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const row = this.row;
      const line = this.lines[row]!;
      let at = indent + 1;
      while (line.charCodeAt(at) === SPACE) at++;
      const childPointer = pointer + "/" + items.length;
      const rest = line.length - at;
      if (rest > 0 && line.charCodeAt(at) !== 0x23 /* # */ && keyEnd(line, at) !== undefined) {
        // `- key: value`: a mapping whose keys are at the column of the first one
        this.document.fieldOrigins.set(childPointer, this.location(row, at, line.length));
        this.row = row;
        items.push(this.mapping(at, at, childPointer));
      } else {
        items.push(this.value(line, indent + 1, indent, childPointer, false, true));
      }
      this.skipBlank();
      if (this.row >= this.lines.length || this.atMarker()) return items;
      const next = this.lines[this.row]!;
      const nextIndent = this.indents[this.row]!;
      if (nextIndent < indent) return items;
      if (nextIndent > indent) decline();
      if (!isSequenceEntry(next, indent)) return items;
    }
  }

  /**
   * The value after a key's colon or an entry's dash, from `from` in `line` (the current row),
   * inside a node at `indent`. `item` records the value's own origin (sequence entries do).
   */
  private value(line0: string, from: number, indent: number, pointer: string, afterKey: boolean, item = false): unknown {
    const row = this.row;
    let line = line0;
    let at = from;
    while (line.charCodeAt(at) === SPACE) at++;
    if (at > from || at === line.length) {
      // fine: a separating space, or nothing on this line
    } else if (afterKey) decline();
    if (line.charCodeAt(at) === 0x09) decline();
    this.lastContentRow = row;
    if (at === line.length || line.charCodeAt(at) === 0x23 /* # */) {
      if (at < line.length && at === from) decline();
      // the value is on the lines below: a more indented node, or (after a key) a sequence at the key's column
      this.row = row + 1;
      this.skipBlank();
      // an empty entry: the full reader's empty node sits where the dash's spaces end
      const empty = () => {
        if (item) this.document.fieldOrigins.set(pointer, this.location(row, at, at + 1));
        return null;
      };
      if (this.row >= this.lines.length || this.atMarker()) return empty();
      const next = this.lines[this.row]!;
      const nextIndent = this.indents[this.row]!;
      if (nextIndent > indent || (afterKey && nextIndent === indent && isSequenceEntry(next, indent))) {
        return this.blockNode(nextIndent, indent, pointer, item);
      }
      return empty();
    }
    const c = line[at]!;
    let value: unknown;
    let end: number;
    if (c === "|" || c === ">") {
      if (item) this.document.fieldOrigins.set(pointer, this.location(row, at, line.length));
      const read = blockScalar(this, row, line, at, indent);
      this.row = read.nextRow;
      this.lastContentRow = read.lastContentRow;
      return read.value;
    } else if (c === '"' || c === "'") {
      const oneLine = (c === '"' ? doubleQuoted : singleQuoted)(line, at);
      if (oneLine) [value, end] = oneLine;
      else {
        const read = continueQuoted(this, row, line, at, indent);
        [value, end, this.row] = [read.value, read.end, read.lastRow];
      }
      if (item) this.document.fieldOrigins.set(pointer, this.location(row, at, this.row === row ? end : Infinity));
      line = this.lines[this.row]!;
    } else if (c === "[" || c === "{") {
      [value, end] = this.flow(line, at, pointer, item);
    } else if ("&*!?%@`,]}".includes(c) || (c === "-" && (line.length === at + 1 || line.charCodeAt(at + 1) === SPACE)) || (c === ":" && (line.length === at + 1 || line.charCodeAt(at + 1) === SPACE))) {
      return decline();
    } else {
      end = plainEnd(line, at);
      const first = line.slice(at, end);
      if (first.includes(": ") || first.endsWith(":") || first.includes("\t")) decline();
      // a comment ends the scalar; without one, more indented lines continue it
      let text = first;
      if (line.indexOf(" #", at) === -1) {
        const read = continuePlain(this, row, first, indent);
        text = read.value;
        this.row = read.lastRow;
      }
      value = plainValue(text);
      const last = this.row === row ? end : Infinity;
      if (item) this.document.fieldOrigins.set(pointer, this.location(row, at, last));
      this.yaml11(text, value, row, at, last);
      if (this.row !== row) {
        this.lastContentRow = this.row;
        this.row++;
        return value;
      }
    }
    if (!onlyComment(line, end!)) decline();
    this.lastContentRow = this.row;
    this.row = this.row + 1;
    // a more indented line would continue the scalar (or be a mistake): the full reader decides
    this.skipBlank();
    if (this.row < this.lines.length && !this.atMarker() && this.indents[this.row]! > indent) decline();
    return value;
  }

  /**
   * A flow collection that ends on its own line: sequences and mappings of scalars and of each
   * other (`[a, "b"]`, `{key: app, operator: In, values: [api]}`). Plain scalars stop at `,[]{}#:`,
   * a key's colon needs a space after it; anything else (an empty value, a trailing comma, `a:b`
   * or a comment inside) is left to the full reader.
   */
  private flow(line: string, at: number, pointer: string, item: boolean): [unknown, number] {
    const row = this.row;
    // collected, then recorded in the order the full reader's walk records them
    const origins: [string, SourceLocation | undefined][] = [];
    const warnings: [string, unknown, number, number][] = [];
    const spaces = (i: number) => {
      while (line.charCodeAt(i) === SPACE) i++;
      return i;
    };
    const scalar = (i: number): [unknown, number] => {
      const c = line[i];
      if (c === '"' || c === "'") return (c === '"' ? doubleQuoted : singleQuoted)(line, i) ?? decline();
      if (c === undefined || "[]{},#&*!?|>%@`:-".includes(c)) return decline();
      let end = i;
      while (end < line.length && !",[]{}#:\t".includes(line[end]!)) end++;
      while (line.charCodeAt(end - 1) === SPACE) end--;
      const text = line.slice(i, end);
      const value = plainValue(text);
      warnings.push([text, value, i, end]);
      return [value, end];
    };
    const node = (i: number, path: string, own: boolean): [unknown, number] => {
      const open = line[i];
      if (open !== "[" && open !== "{") {
        const [value, end] = scalar(i);
        if (own) origins.push([path, this.location(row, i, end)]);
        return [value, end];
      }
      const slot = own ? origins.push([path, undefined]) - 1 : -1;
      const close = open === "[" ? "]" : "}";
      let j = spaces(i + 1);
      let value: unknown;
      if (line[j] === close) {
        value = open === "[" ? [] : {};
      } else if (open === "[") {
        const items: unknown[] = [];
        for (;;) {
          const [item, end] = node(spaces(j), path + "/" + items.length, true);
          items.push(item);
          j = spaces(end);
          if (line[j] !== ",") break;
          j++;
        }
        value = items;
      } else {
        const map: Record<string, unknown> = {};
        for (;;) {
          const start = spaces(j);
          const c = line[start];
          let name: string;
          let colon: number;
          if (c === '"' || c === "'") {
            const read = (c === '"' ? doubleQuoted : singleQuoted)(line, start) ?? decline();
            [name, colon] = [read[0], read[1]];
          } else {
            colon = line.indexOf(":", start);
            const text = colon === -1 ? "" : line.slice(start, colon);
            if (!PLAIN_KEY.test(text)) decline();
            const key = plainValue(text);
            if (key !== null && typeof key === "object") decline();
            warnings.push([text, key, start, colon]);
            name = key === null ? "" : String(key);
          }
          if (line[colon] !== ":" || line.charCodeAt(colon + 1) !== SPACE || name === "__proto__" || Object.prototype.hasOwnProperty.call(map, name)) decline();
          const keyPath = path + "/" + pointerSegment(name);
          origins.push([keyPath, this.location(row, start, colon)]);
          const valueAt = spaces(colon + 1);
          if (line[valueAt] === "," || line[valueAt] === "}") decline();
          const [entry, end] = node(valueAt, keyPath, false);
          map[name] = entry;
          if ((name === "data" || name === "stringData") && entry !== null && typeof entry === "object" && !Array.isArray(entry)) this.document.dataLines.set(entry, [row + 1, row + 1]);
          j = spaces(end);
          if (line[j] !== ",") break;
          j++;
        }
        value = map;
      }
      if (line[j] !== close) decline();
      j++;
      if (slot >= 0) origins[slot] = [path, this.location(row, i, j)];
      return [value, j];
    };
    const [value, end] = node(at, pointer, item);
    for (const [p, location] of origins) this.document.fieldOrigins.set(p, location!);
    for (const [text, v, start, stop] of warnings) this.yaml11(text, v, row, start, stop);
    return [value, end];
  }

  /** The key at `start` of `line`: its name, where it ends, and the colon's index. */
  private key(line: string, start: number): { name: string; end: number; colon: number } | undefined {
    const c = line[start];
    if (c === '"' || c === "'") {
      const read = c === '"' ? doubleQuoted(line, start) : singleQuoted(line, start);
      if (read === undefined || line[read[1]] !== ":") return undefined;
      const after = line.charCodeAt(read[1] + 1);
      if (read[1] + 1 < line.length && after !== SPACE) return undefined;
      if (read[1] - start > MAX_KEY_LENGTH) return undefined;
      return { name: read[0], end: read[1], colon: read[1] };
    }
    const colon = keyEnd(line, start);
    if (colon === undefined) return undefined;
    const text = line.slice(start, colon);
    if (!PLAIN_KEY.test(text) || text.length > MAX_KEY_LENGTH) return undefined;
    const value = plainValue(text);
    if (value !== null && typeof value === "object") return undefined;
    this.yaml11(text, value, this.row, start, colon);
    return { name: value === null ? "" : String(value), end: colon, colon };
  }

  private yaml11(text: string, value: unknown, row: number, start: number, end: number): void {
    const warning = yaml11Warning(text, value, () => this.location(row, start, end));
    if (warning) this.document.diagnostics.push(warning);
  }

  /** Skips blank lines and comment lines, whatever their indentation. */
  private skipBlank(): void {
    while (this.row < this.lines.length) {
      const line = this.lines[this.row]!;
      const at = this.indents[this.row]!;
      if (at < line.length && line.charCodeAt(at) !== 0x23) return;
      if (line.includes("\t") && line.indexOf("\t") < at + 1) decline();
      this.row++;
    }
  }

  private atMarker(): boolean {
    return this.isMarker(this.row, "---") || this.isMarker(this.row, "...");
  }

  private isMarker(row: number, marker: "---" | "..."): boolean {
    const line = this.lines[row]!;
    return line.startsWith(marker) && (line.length === 3 || line.charCodeAt(3) === SPACE || line.charCodeAt(3) === 0x09);
  }

  /** As walk.ts's locationAt: the length is cut at the end of the line. */
  private location(row: number, start: number, end: number): SourceLocation {
    return { file: this.file, line: row + 1, column: start + 1, length: Math.max(1, Math.min(end, this.lines[row]!.length) - start) };
  }
}

/** Lines that start with `---` (a document each, or more than the documents). */
function markers(text: string): number {
  let count = text.startsWith("---") ? 1 : 0;
  for (let at = text.indexOf("\n---"); at !== -1; at = text.indexOf("\n---", at + 4)) count++;
  return count;
}

/** `-` followed by a space or the end of the line, at column `indent`. */
function isSequenceEntry(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 0x2d && (line.length === indent + 1 || line.charCodeAt(indent + 1) === SPACE);
}

/** Where a plain scalar starting at `at` ends: before ` #` or trailing spaces. */
function plainEnd(line: string, at: number): number {
  let end = line.indexOf(" #", at);
  if (end === -1) end = line.length;
  while (line.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** The colon that ends a plain key starting at `at` (`: ` or `:` at the end of the line), if any. */
function keyEnd(line: string, at: number): number | undefined {
  const c = line[at];
  // a flow collection is a value, whatever colons it holds
  if (c === "[" || c === "{") return undefined;
  if (c === '"' || c === "'") {
    const read = c === '"' ? doubleQuoted(line, at) : singleQuoted(line, at);
    return read && line[read[1]] === ":" ? read[1] : undefined;
  }
  const comment = line.indexOf(" #", at);
  const stop = comment === -1 ? line.length : comment;
  const colon = line.indexOf(":", at);
  if (colon === -1 || colon >= stop) return undefined;
  // the first colon must end the key: `a:b: c` is left to the full reader
  if (colon + 1 === line.length || line.charCodeAt(colon + 1) === SPACE) return colon;
  return undefined;
}
