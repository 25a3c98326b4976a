import { Composer, type Document, isMap, isScalar, isSeq, LineCounter, Parser, type YAMLError } from "yaml";
import { type Diagnostic, error, warning } from "../../diagnostics/diagnostic.js";
import { describeObject, type KubeObject, type SourcedObject } from "../../model/object.js";
import type { SourceLocation } from "../../model/source.js";
import { YamlCode } from "./codes.js";
import { readSimpleYaml, type SimpleDocument } from "./simple/parse.js";
import { deeperThan, MAX_NESTING } from "./nesting.js";
import { locationAt, walkDocument, type YamlSource } from "./walk.js";
import { yaml11OctalInt } from "./yaml11-octal.js";
import { MAX_FILE_BYTES } from "../regular-file.js";
import { jsonStream, readAsJson } from "./json-stream.js";
import { locationOf } from "../../diagnostics/position.js";

/** Files above this are refused before parsing. */
export const MAX_YAML_FILE_BYTES = MAX_FILE_BYTES;
/** Nodes that aliases may add to a document when expanded; a billion-laughs document wants ~10^9. */
export const MAX_ALIAS_EXPANSION = 100_000;
/** Second line of defence, in the `yaml` package's own terms (alias uses x aliases inside the anchor). */
const MAX_ALIAS_COUNT = 1000;

/**
 * The API server refuses request bodies over 3 MiB (`MaxRequestBodyBytes`), so no applicable object
 * is larger; bigger documents are refused before they are parsed (1M keys in one mapping would
 * take a minute and 2 GB). `TKC_MAX_DOCUMENT_BYTES` lowers it (tests).
 */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

/** Documents (empty ones included) one run reads at most; `TKC_MAX_DOCUMENTS` lowers it (tests). */
export const MAX_DOCUMENTS = 200_000;

/** How many more documents the run may read, shared by all its files (3M empty documents must not take minutes). */
export interface DocumentBudget {
  readonly limit: number;
  remaining: number;
  /** Set once the limit was reported, so it is reported once per run. */
  reported: boolean;
}

export function documentBudget(limit = Number(process.env["TKC_MAX_DOCUMENTS"]) || MAX_DOCUMENTS): DocumentBudget {
  return { limit, remaining: limit, reported: false };
}

export interface ReadResult {
  readonly objects: SourcedObject[];
  readonly diagnostics: Diagnostic[];
  /** 1-based lines that hold a Secret's data or stringData values: code frames mask them. */
  readonly secretLines: Set<number>;
  /** The values themselves (as text), scrubbed from every message of the run. */
  readonly secretValues: string[];
}

export interface ReadOptions {
  readonly budget?: DocumentBudget;
  /** Bytes above which a file is refused (default MAX_YAML_FILE_BYTES). */
  readonly maxFileBytes?: number;
  /** Characters above which one document is refused (default MAX_DOCUMENT_BYTES). */
  readonly maxDocumentBytes?: number;
  /**
   * "full" reads with the `yaml` package only; by default the simple reader (simple/parse.ts)
   * reads the files it reads exactly, and the `yaml` package the rest. Tests compare the two.
   */
  readonly reader?: "full";
}

/** Parser complaints about YAML that Go's yaml.v2 (kubectl) reads anyway: warnings, the document is still read. */
const LENIENT_CODES = new Set(["BAD_DQ_ESCAPE"]);

/**
 * Reads the Kubernetes objects of a user's multi-document YAML file, each with the position of
 * every key and sequence item (for `tkc validate` messages). User mistakes come back as
 * diagnostics; the function does not throw for any input text.
 *
 * Parsing uses YAML 1.2's core schema (the `yaml` package's default) plus merge keys (`<<`), which
 * kubectl honours, and YAML 1.1's octal integers (`0644` is 420, as kubectl reads it). kubectl itself reads YAML 1.1 (Go's yaml.v2 via sigs.k8s.io/yaml), so every plain
 * scalar whose meaning differs between the two (`yes`, `on`, `012`, `12:30`, ...) gets a TKC1108
 * warning: quoting it makes the file mean the same thing to every reader.
 */
export function readKubernetesYaml(file: string, text: string, options: ReadOptions = {}): ReadResult {
  const result: ReadResult = { objects: [], diagnostics: [], secretLines: new Set(), secretValues: [] };
  const limit = options.maxFileBytes ?? MAX_YAML_FILE_BYTES;
  // A UTF-16 unit is at least one UTF-8 byte: the cheap test first.
  const bytes = text.length > limit ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes > limit) {
    result.diagnostics.push(fileTooLarge(file, bytes, limit));
    return result;
  }
  const budget = options.budget ?? documentBudget();
  const json = readAsJson(text);
  if (json) {
    const stream = jsonStream(text);
    const notJson = "problem" in stream ? stream.problem : undefined;
    if (notJson) {
      result.diagnostics.push(
        error(YamlCode.syntax, `kubectl reads a file that starts with "{" as JSON, and this is not JSON (${notJson.reason}): it refuses the file`, {
          location: locationOf(file, text, notJson.offset, 1),
          hint: "quote the keys and strings as JSON does, or write the objects as block YAML",
        }),
      );
      return result;
    }
    // Objects one after another (`jq '.items[]'`): read one by one, as kubectl reads them, each
    // placed at its own line and column of the file.
    const values = "values" in stream ? stream.values : [];
    if (values.length > 1) {
      let lines = 0;
      let counted = 0;
      for (const { start, end } of values) {
        for (let nl = text.indexOf("\n", counted); nl !== -1 && nl < start; nl = text.indexOf("\n", nl + 1)) lines++;
        counted = start;
        const at = placedAt(lines, start - (text.lastIndexOf("\n", start - 1) + 1));
        const one = readDocuments(file, text.slice(start, end), options, budget, true);
        for (const sourced of one.objects) result.objects.push({ ...sourced, ...(sourced.origin ? { origin: at(sourced.origin) } : {}), ...(sourced.fieldOrigins ? { fieldOrigins: new Map([...sourced.fieldOrigins].map(([pointer, location]) => [pointer, at(location)])) } : {}) });
        for (const d of one.diagnostics) result.diagnostics.push({ ...d, ...(d.location ? { location: at(d.location) } : {}), ...(d.related ? { related: d.related.map((r) => (r.location ? { ...r, location: at(r.location) } : r)) } : {}) });
        for (const line of one.secretLines) result.secretLines.add(line + lines);
        result.secretValues.push(...one.secretValues);
      }
      return result;
    }
  }
  return readDocuments(file, text, options, budget, json);
}

/** The documents of a text within the size limit (a whole YAML file, or one value of a JSON stream). */
function readDocuments(file: string, text: string, options: ReadOptions, budget: DocumentBudget, json: boolean): ReadResult {
  const result: ReadResult = { objects: [], diagnostics: [], secretLines: new Set(), secretValues: [] };
  const lineCounter = new LineCounter();
  const source: YamlSource = { file, text, lineCounter, json };
  const oversized = largestDocument(text);
  const maxDocument = options.maxDocumentBytes ?? (Number(process.env["TKC_MAX_DOCUMENT_BYTES"]) || MAX_DOCUMENT_BYTES);
  if (oversized.length > maxDocument) {
    const { line } = locationOf(file, text, oversized.start);
    result.diagnostics.push(
      error(YamlCode.documentTooLarge, `this YAML document is ${sizeText(oversized.length)}; the API server takes objects up to ${sizeText(maxDocument)}, so tkc does not read it (nor the rest of this file)`, {
        location: { file, line, column: 1 },
        hint: "split the data over several objects (a ConfigMap holds at most 1 MiB)",
      }),
    );
    return result;
  }
  // Over the budget, the simple reader declines and the full reader says where the limit was reached.
  const simple = options.reader === "full" ? undefined : readSimpleYaml(file, text, budget.remaining);
  if (simple) {
    budget.remaining -= simple.length;
    for (const document of simple) readSimpleDocument(document, result);
    return result;
  }
  const tooDeep = deeperThan(text);
  if (tooDeep >= 0) {
    // Not parsed, so the line counter knows no lines yet.
    result.diagnostics.push(nestedTooDeeply(locationOf(file, text, tooDeep, 1)));
    return result;
  }
  // Streamed one document at a time: a file of 4 million `---` never holds 4 million documents.
  // Octal integers first: the core schema's decimal int would take `0644` otherwise.
  const composer = new Composer({ prettyErrors: false, logLevel: "error", merge: true, uniqueKeys: false, resolveKnownTags: false, customTags: (tags) => [yaml11OctalInt, ...tags] });
  const tokens = new Parser(lineCounter.addNewLine).parse(text);
  for (const document of composer.compose(tokens)) {
    if (budget.remaining <= 0) {
      if (!budget.reported) {
        budget.reported = true;
        const start = document.range[0];
        result.diagnostics.push(
          error(YamlCode.tooManyDocuments, `tkc reads at most ${formatCount(budget.limit)} YAML documents per run; the rest of this file and the files after it are not read`, {
            location: locationAt(source, start, start + 1),
            hint: "validate the manifests in several runs, or remove the empty documents (---)",
          }),
        );
      }
      break;
    }
    budget.remaining--;
    readDocument(document as Document.Parsed, source, result);
  }
  return result;
}

/** A location in a part of the file that starts `lines` lines and `columns` columns into it. */
function placedAt(lines: number, columns: number): (at: SourceLocation) => SourceLocation {
  return (at) => ({ ...at, line: at.line + lines, column: at.line === 1 ? at.column + columns : at.column });
}

function sizeText(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${n.toLocaleString("en-US")} bytes`;
}

/**
 * The longest document of a YAML stream, by the `---` and `...` lines that separate documents
 * (they cannot occur at the start of a line inside a document), found without parsing.
 */
export function largestDocument(text: string): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = 0;
  // indexOf, not a regular expression: 4M markers would be 4M match arrays to collect.
  const found = (at: number) => {
    if (at - start > best.length) best = { start, length: at - start };
    start = at + 3;
  };
  let dashes = nextMarker(text, "---", 0);
  let dots = nextMarker(text, "...", 0);
  while (dashes !== -1 || dots !== -1) {
    if (dots === -1 || (dashes !== -1 && dashes < dots)) {
      found(dashes);
      dashes = nextMarker(text, "---", dashes + 3);
    } else {
      found(dots);
      dots = nextMarker(text, "...", dots + 3);
    }
  }
  if (text.length - start > best.length) best = { start, length: text.length - start };
  return best;
}

/** The next `---` or `...` at the start of a line and followed by a space, a tab, a line break or the end. */
function nextMarker(text: string, marker: string, from: number): number {
  for (let at = text.indexOf(marker, from); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (at > 0 && !LINE_BREAKS.has(text.charCodeAt(at - 1))) continue;
    const after = text.charCodeAt(at + 3);
    if (at + 3 >= text.length || after === 0x20 || after === 0x09 || LINE_BREAKS.has(after)) return at;
  }
  return -1;
}

/** Where JavaScript's multiline `^` and `$` see a line end (the regular expression this scan replaced). */
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

export function fileTooLarge(file: string, bytes: number, limit: number): Diagnostic {
  const size = sizeText;
  // Read one byte past the limit (standard input, a file that grew): its size is not known.
  const message = bytes === limit + 1 ? `the input goes on past ${size(limit)}, the most tkc reads of a YAML file` : `the file is ${size(bytes)}; tkc reads YAML files up to ${size(limit)}`;
  return error(YamlCode.fileTooLarge, message, {
    location: { file, line: 1, column: 1 },
    hint: "split the manifests into several files",
  });
}

function readDocument(document: Document.Parsed, source: YamlSource, result: ReadResult): void {
  const { objects, diagnostics } = result;
  const fatal = document.errors.filter((problem) => !LENIENT_CODES.has(problem.code));
  for (const problem of document.errors) diagnostics.push(LENIENT_CODES.has(problem.code) ? lenientWarning(problem, source) : syntaxError(problem, source));
  for (const problem of document.warnings) {
    diagnostics.push(warning(YamlCode.yamlWarning, cleanMessage(problem.message), { location: problemLocation(problem, source) }));
  }
  if (fatal.length > 0) return;
  const contents = document.contents;
  // empty or comment-only document (after an explicit `---` the parser gives an empty null scalar)
  if (contents === null || (isScalar(contents) && contents.value === null && contents.source === "")) return;
  const start = contents.range[0];
  const origin = locationAt(source, start, start + 1);

  const facts = walkDocument(contents, source, true);
  diagnostics.push(...facts.diagnostics);
  if (facts.diagnostics.some((d) => d.severity === "error")) return;
  if (facts.aliases > 0) {
    const added = facts.expandedNodes - facts.literalNodes;
    if (added > MAX_ALIAS_EXPANSION) {
      diagnostics.push(
        error(YamlCode.aliasBomb, `aliases in this document expand to ${formatCount(facts.expandedNodes)} nodes; tkc allows ${formatCount(MAX_ALIAS_EXPANSION)} more than are written`, {
          location: facts.largestAlias?.location ?? origin,
          hint: "this looks like a \"billion laughs\" attack; if it is real data, write it out without nested aliases",
        }),
      );
      return;
    }
    diagnostics.push(
      warning(YamlCode.aliasUsed, `this document uses ${facts.aliases} alias${facts.aliases === 1 ? "" : "es"}; they are expanded, so errors inside aliased data point at the alias`, {
        location: facts.largestAlias?.location ?? origin,
        hint: "fine for kubectl; tkc descriptors express reuse with functions instead",
      }),
    );
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    diagnostics.push(
      error(YamlCode.aliasBomb, `this document cannot be read: ${cleanMessage((cause as Error).message)}`, {
        location: origin,
        hint: "write the data out without nested aliases",
      }),
    );
    return;
  }
  value = withoutNulls(value);
  addObjects(value, origin, facts.fieldOrigins, result, (object) => dataLinesInTree(object, contents, value, source));
}

/** A document the simple reader read: what readDocument makes of the `yaml` package's tree. */
function readSimpleDocument(document: SimpleDocument, result: ReadResult): void {
  if (document.value === undefined) return;
  result.diagnostics.push(...document.diagnostics);
  const dataLines = (object: KubeObject) => ["data", "stringData"].map((field) => document.dataLines.get(object[field] as object)).filter((span) => span !== undefined);
  addObjects(withoutNulls(document.value), document.origin!, document.fieldOrigins, result, dataLines);
}

/** The objects of a document's value (its items, for a List), each Secret's values and lines noted (`dataLines`: where its data is written). */
function addObjects(value: unknown, origin: SourceLocation, origins: Map<string, SourceLocation>, result: ReadResult, dataLines: (object: KubeObject) => readonly (readonly [number, number])[]): void {
  const before = result.objects.length;
  collectObjects(value, "", origin, origins, result.objects, result.diagnostics);
  for (let i = before; i < result.objects.length; i++) {
    const object = result.objects[i]!.object;
    if (noteSecretValues(object, result)) markSecretLines(dataLines(object), result);
  }
}

/**
 * `null` means absent, as in Go's JSON decoding that the API server uses (`nodePort: null` on a
 * ClusterIP Service is fine): mapping entries whose value is null are dropped. Iterative, so deep
 * documents cannot overflow the stack.
 */
export function withoutNulls(value: unknown): unknown {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === "object") stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const entry = record[key];
      if (entry === null) delete record[key];
      else if (typeof entry === "object") stack.push(entry);
    }
  }
  return value;
}

/** Records a Secret's values (text to scrub from every message); false if `object` is no Secret. */
function noteSecretValues(object: KubeObject, result: ReadResult): boolean {
  if (object.kind !== "Secret" || object.apiVersion !== "v1") return false;
  for (const field of ["data", "stringData"]) {
    const entries = object[field];
    if (entries === null || typeof entries !== "object") continue;
    for (const entry of Object.values(entries as Record<string, unknown>)) {
      if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") result.secretValues.push(String(entry));
    }
  }
  return true;
}

function markSecretLines(spans: readonly (readonly [number, number])[], result: ReadResult): void {
  for (const [first, last] of spans) for (let line = first; line <= last; line++) result.secretLines.add(line);
}

/** The lines of a Secret's data and stringData mappings in the `yaml` package's tree (code frames mask them). */
function dataLinesInTree(object: KubeObject, contents: unknown, value: unknown, source: YamlSource): [number, number][] {
  // the syntax node of this object: the document itself, or an item of a List document
  let node: unknown = contents;
  if (value !== object && isMap(contents)) {
    const items = contents.get("items", true);
    node = isSeq(items) ? items.items.find((item) => isMap(item) && item.get("kind") === "Secret" && (item.toJSON() as { metadata?: { name?: unknown } }).metadata?.name === object.metadata?.name) : undefined;
  }
  if (!isMap(node)) return [];
  const spans: [number, number][] = [];
  for (const field of ["data", "stringData"]) {
    const entries = node.get(field, true);
    if (!isMap(entries)) continue;
    const [start, end] = (entries as { range?: [number, number, number] }).range ?? [0, 0];
    spans.push([source.lineCounter.linePos(start).line, source.lineCounter.linePos(Math.max(start, end - 1)).line]);
  }
  return spans;
}

/** Adds `value` as an object (or, for a `kind: List`, its items), or reports why it is not one. */
function collectObjects(
  value: unknown,
  pointer: string,
  origin: SourceLocation,
  origins: Map<string, SourceLocation>,
  objects: SourcedObject[],
  diagnostics: Diagnostic[],
): void {
  const at = (suffix: string) => origins.get(pointer + suffix) ?? origin;
  const notAnObject = (reason: string, location: SourceLocation, hint: string) =>
    diagnostics.push(error(YamlCode.notAnObject, `this document is not a Kubernetes object: ${reason}`, { location, hint }));
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const what = Array.isArray(value) ? "it is a list" : value === null ? "it is null" : `it is a ${typeof value}`;
    notAnObject(what, origin, "a manifest is a mapping with apiVersion, kind and metadata.name; several objects go in separate documents (---) or a kind: List");
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.kind !== "string" || record.kind === "") {
    const reason = record.kind === undefined ? "it has no kind" : "its kind is not a string";
    notAnObject(reason, at("/kind"), "add the object's kind, e.g. kind: Deployment");
    return;
  }
  if (typeof record.apiVersion !== "string" || record.apiVersion === "") {
    const reason = record.apiVersion === undefined ? "it has no apiVersion" : "its apiVersion is not a string";
    notAnObject(reason, at("/apiVersion"), "add the object's API group and version, e.g. apiVersion: apps/v1");
    return;
  }
  if (record.kind.endsWith("List") && "items" in record && Array.isArray(record.items)) {
    // kubectl applies the items of a List one by one
    record.items.forEach((item, i) => {
      const itemPointer = `${pointer}/items/${i}`;
      collectObjects(item, itemPointer, origins.get(itemPointer) ?? origin, origins, objects, diagnostics);
    });
    return;
  }
  const metadata = record.metadata as Record<string, unknown> | null | undefined;
  const named = metadata !== null && typeof metadata === "object" && !Array.isArray(metadata) && (typeof metadata.name === "string" || typeof metadata.generateName === "string") && (metadata.name ?? metadata.generateName) !== "";
  if (!named) {
    diagnostics.push(
      error(YamlCode.noName, `this ${record.kind} has no metadata.name`, {
        location: at("/metadata"),
        object: describeObject(record as unknown as KubeObject),
        path: "metadata.name",
        hint: "add metadata.name (metadata.generateName also works, but only with kubectl create)",
      }),
    );
    return;
  }
  objects.push({ object: record as unknown as KubeObject, origin, fieldOrigins: rebase(origins, pointer) });
}

/** The origins under `prefix`, with the prefix cut off (the items of a List become objects). */
function rebase(origins: Map<string, SourceLocation>, prefix: string): Map<string, SourceLocation> {
  if (prefix === "") return origins;
  const out = new Map<string, SourceLocation>();
  for (const [pointer, location] of origins) {
    if (pointer.startsWith(prefix) && (pointer.length === prefix.length || pointer[prefix.length] === "/")) {
      out.set(pointer.slice(prefix.length), location);
    }
  }
  return out;
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "indent with spaces: YAML does not allow tabs for indentation",
  BAD_INDENT: "check the indentation against the lines above, and that every [ and { is closed",
  MISSING_CHAR: "a quote or bracket opened earlier is not closed",
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; is a colon or quote missing on the line above?",
  BLOCK_AS_IMPLICIT_KEY: "a key must fit on one line; is a colon or quote missing on the line above?",
  UNEXPECTED_TOKEN: "check the indentation and punctuation here; a value containing ': ' or ' #' must be quoted",
  BAD_SCALAR_START: "quote the value: plain values cannot start with this character",
  KEY_OVER_1024_CHARS: "shorten the key, or write it as an explicit key (? key)",
  BAD_DQ_ESCAPE: "use a valid escape in double quotes (\\n, \\t, \\\\, \\\", \\uXXXX) or single quotes",
  BAD_ALIAS: "define the anchor (&name) before using the alias (*name)",
};

function lenientWarning(problem: YAMLError, source: YamlSource): Diagnostic {
  return warning(YamlCode.lenientYaml, `${cleanMessage(problem.message)}: YAML 1.2 refuses this, kubectl's YAML reader accepts it`, {
    location: problemLocation(problem, source),
    hint: SYNTAX_HINTS[problem.code] ?? "write it the way YAML 1.2 allows, so every tool reads it",
  });
}

function nestedTooDeeply(location: SourceLocation): Diagnostic {
  return error(YamlCode.syntax, `this YAML nests deeper than ${MAX_NESTING} levels, which tkc does not read`, {
    location,
    hint: "no Kubernetes object nests this deeply: flatten the data here, or leave this document out of tkc's inputs",
  });
}

function syntaxError(problem: YAMLError, source: YamlSource): Diagnostic {
  // What nesting.ts lets through can still exhaust the stack when tkc is called deep in one.
  if (problem.code === "RESOURCE_EXHAUSTION" && /call stack/i.test(problem.message)) return nestedTooDeeply(problemLocation(problem, source));
  const duplicate = problem.code === "DUPLICATE_KEY";
  return error(duplicate ? YamlCode.duplicateKey : YamlCode.syntax, cleanMessage(problem.message), {
    location: problemLocation(problem, source),
    hint: SYNTAX_HINTS[problem.code] ?? "fix the YAML syntax here; `kubectl apply --dry-run=client -f` shows the same problem",
  });
}

function problemLocation(problem: YAMLError, source: YamlSource): SourceLocation {
  const text = source.text;
  let [start, end] = problem.pos;
  start = Math.min(start, text.length);
  while (text.charCodeAt(start) === 0x20 && start + 1 < text.length) start++; // point past the indentation
  end = Math.min(Math.max(end, start + 1), text.length + 1);
  return locationAt(source, start, end);
}

/** "Map keys must be unique." -> "map keys must be unique"; position excerpts removed. */
function cleanMessage(message: string): string {
  const firstLine = message
    .split("\n")[0]
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/tag:yaml\.org,2002:/g, "!!")
    .trim()
    .replace(/\.$/, "");
  return firstLine.charAt(0).toLowerCase() + firstLine.slice(1);
}

function formatCount(n: number): string {
  return n >= 1e15 ? "more than 10^15" : n.toLocaleString("en-US");
}
