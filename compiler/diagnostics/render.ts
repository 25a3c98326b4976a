import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  /** Paths are shown relative to this directory. */
  readonly cwd: string;
  readonly color: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in env) && env.TERM !== "dumb";
}

const paint = (code: number, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

const lineCache = new Map<string, string[] | undefined>();
function sourceLine(file: string, line: number): string | undefined {
  if (!lineCache.has(file)) {
    try {
      lineCache.set(file, readFileSync(file, "utf8").split(/\r?\n/));
    } catch {
      lineCache.set(file, undefined);
    }
  }
  return lineCache.get(file)?.[line - 1];
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
  const lines = [`${bold(where)}${severity} ${dim(d.code + ":")} ${first}`, ...rest.map((l) => `  ${l}`)];
  if (d.location) {
    const text = sourceLine(d.location.file, d.location.line);
    if (text !== undefined) {
      const number = String(d.location.line);
      const gutter = " ".repeat(number.length);
      const caretLength = Math.max(1, Math.min(d.location.length ?? guessLength(text, d.location.column), Math.max(1, text.length - d.location.column + 1)));
      lines.push(`  ${dim(number + " |")} ${text}`);
      lines.push(`  ${dim(gutter + " |")} ${" ".repeat(Math.max(0, d.location.column - 1))}${(d.severity === "error" ? red : yellow)("^".repeat(caretLength))}`);
    }
  }
  if (d.object || d.path) {
    const parts = [d.object ? `object: ${d.object}` : undefined, d.path ? `at ${d.path}` : undefined].filter(Boolean);
    lines.push(`  ${dim("=")} ${parts.join(", ")}`);
  }
  for (const note of d.related ?? []) {
    const at = note.location ? `${displayPath(note.location.file, options.cwd)}:${note.location.line}:${note.location.column}: ` : "";
    lines.push(`  ${dim("=")} note: ${at}${note.message}`);
  }
  if (d.hint) lines.push(`  ${cyan("hint:")} ${d.hint}`);
  return lines.join("\n");
}

/** Underline the identifier or call at the column when no length is known. */
function guessLength(text: string, column: number): number {
  const match = /^[\w$.]+/.exec(text.slice(column - 1));
  return match ? match[0].length : 1;
}

export function renderSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
