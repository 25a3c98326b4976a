import { relative } from "node:path";
import { counted } from "./counted.js";
import type { Diagnostic } from "./diagnostic.js";
import { escapeControl, escapeLine } from "./escape.js";
import { maskSourceLine } from "./redact.js";

export interface RenderOptions {
  /** Paths are shown relative to this directory. */
  readonly cwd: string;
  readonly color: boolean;
  /**
   * Text of the files the command read, by absolute path. Code frames come from these only: a
   * path named by a diagnostic (or by a descriptor's `origin`) is never opened.
   */
  readonly sources?: Readonly<Record<string, string>>;
  /** Source lines whose value part is masked in code frames (lines holding Secret values). */
  readonly maskLine?: (file: string, line: number) => boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is present and not empty (https://no-color.org). */
export function useColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const noColor = env.NO_COLOR;
  return Boolean(stream.isTTY) && (noColor === undefined || noColor === "") && env.TERM !== "dumb";
}

const paint = (code: number, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

// The start of each line, per file, found once per run: a file's text is never split into
// lines (16 MB of `---` is 4M strings, 0.35 s and most of a collection, for one code frame).
const lineCache = new WeakMap<Readonly<Record<string, string>>, Map<string, Uint32Array>>();
/** Line `line` (1-based) of `file` as the command read it, if it did. */
export function sourceLine(sources: Readonly<Record<string, string>> | undefined, file: string, line: number): string | undefined {
  if (!sources || !Object.hasOwn(sources, file)) return undefined;
  let starts = lineCache.get(sources);
  if (!starts) lineCache.set(sources, (starts = new Map()));
  const text = sources[file]!;
  let offsets = starts.get(file);
  if (!offsets) starts.set(file, (offsets = lineStarts(text)));
  if (!Number.isInteger(line) || line < 1 || line > offsets.length) return undefined;
  const start = offsets[line - 1]!;
  let end = line < offsets.length ? offsets[line]! - 1 : text.length;
  if (end > start && text.charCodeAt(end - 1) === 13 && line < offsets.length) end--;
  return text.slice(start, end);
}

/** Where each line of `text` begins, as `text.split(/\r?\n/)` cuts it. */
function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts[line++] = at + 1;
  return starts;
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") && rel.split("/").filter((s) => s === "..").length > 2 ? file : rel || file;
}

/**
 * Render the way TypeScript and rustc do:
 *   path/api.k8s.ts:14:7 error TKC3104: message
 *     14 |   image: "nginx:latest",
 *        |          ^^^^^^^^^^^^^^
 *     = object: apps/v1 Deployment shop-prod/api, at spec.template.spec.containers[0].image
 *     hint: pin a version
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const red = paint(31, options.color);
  const yellow = paint(33, options.color);
  const bold = paint(1, options.color);
  const dim = paint(2, options.color);
  const cyan = paint(36, options.color);
  const severity = d.severity === "error" ? red(bold("error")) : yellow(bold("warning"));
  const where = d.location ? `${displayPath(d.location.file, options.cwd)}:${d.location.line}:${d.location.column} ` : "";
  const [first, ...rest] = d.message.split("\n");
  // Messages and hints may quote project values: shown escaped, on the lines tkc lays out.
  const lines = [`${bold(escapeControl(where))}${severity} ${dim(d.code + ":")} ${escapeControl(first ?? "")}`, ...rest.map((l) => `  ${escapeLine(l)}`)];
  if (d.location) {
    const raw = sourceLine(options.sources, d.location.file, d.location.line);
    const full = raw !== undefined && options.maskLine?.(d.location.file, d.location.line) ? maskSourceLine(raw) : raw;
    if (full !== undefined) {
      const number = String(d.location.line);
      const gutter = " ".repeat(number.length);
      const { text, column } = frameWindow(full, d.location.column);
      const caretLength = Math.max(1, Math.min(d.location.length ?? guessLength(text, column), Math.max(1, text.length - column + 1)));
      // The caret sits under the same characters once the line's control characters are escaped.
      const start = Math.max(0, column - 1);
      const indent = escapeControl(text.slice(0, start)).length;
      const underlined = Math.max(caretLength, escapeControl(text.slice(start, start + caretLength)).length);
      lines.push(`  ${dim(number + " |")} ${escapeControl(text)}`);
      lines.push(`  ${dim(gutter + " |")} ${" ".repeat(indent)}${(d.severity === "error" ? red : yellow)("^".repeat(underlined))}`);
    }
  }
  if (d.object || d.path) {
    const parts = [d.object ? `object: ${d.object}` : undefined, d.path ? `at ${d.path}` : undefined].filter(Boolean);
    lines.push(`  ${dim("=")} ${escapeControl(parts.join(", "))}`);
  }
  for (const note of d.related ?? []) {
    const at = note.location ? `${displayPath(note.location.file, options.cwd)}:${note.location.line}:${note.location.column}: ` : "";
    lines.push(`  ${dim("=")} note: ${escapeControl(at + note.message)}`);
  }
  if (d.hint) lines.push(`  ${cyan("hint:")} ${escapeControl(d.hint)}`);
  return lines.join("\n");
}

/** Characters of a source line shown in a code frame: a 1 MB line is cut around the caret. */
const FRAME_WIDTH = 160;

/** The part of a long line around `column` (1-based), with "..." where it was cut, and the column in it. */
function frameWindow(line: string, column: number): { text: string; column: number } {
  if (line.length <= FRAME_WIDTH) return { text: line, column };
  const start = Math.max(0, Math.min(column - 1 - 40, line.length - FRAME_WIDTH));
  const end = Math.min(line.length, start + FRAME_WIDTH);
  const before = start > 0 ? "..." : "";
  // a copy, not a slice that keeps the long line alive
  const text = before + Buffer.from(line.slice(start, end)).toString() + (end < line.length ? "..." : "");
  return { text, column: column - start + before.length };
}

/** Underline the identifier or call at the column when no length is known. */
function guessLength(text: string, column: number): number {
  const match = /^[\w$.]+/.exec(text.slice(column - 1));
  return match ? match[0].length : 1;
}

export function renderSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${counted(errors, "error")}, ${counted(warnings, "warning")}`;
}
