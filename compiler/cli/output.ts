import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, renderSummary, useColor } from "../diagnostics/render.js";
import { githubAnnotations, sarifLog, underGitHubActions } from "../diagnostics/formats.js";
import { join, resolve } from "node:path";
import { repositoryTop } from "../repository-top.js";
import { tkcRoot, tkcVersion } from "../paths.js";

/**
 * Exit codes: 0 ok, 1 user errors, 2 usage, 70 internal error (a tkc bug). With `diff --exit-code`,
 * 1 means "differences", so a user error there exits 2 (`trouble`), as diff(1) does.
 */
export const EXIT = { ok: 0, userError: 1, usage: 2, trouble: 2, internal: 70 } as const;

/** A text stream the CLI writes to: the process's stdout/stderr, or a buffer when run in-process. */
export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * What one CLI run reads and writes, so that it can run in-process (the tests do). Relative paths
 * still resolve against process.cwd(), and the stages read their TKC_* settings from process.env.
 */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

export function processIo(): CliIo {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr };
}

export interface Output {
  /** Colour on stderr (diagnostics). */
  readonly color: boolean;
  readonly io: CliIo;
  out(line: string): void;
  err(line: string): void;
}

export function cliOutput(io: CliIo): Output {
  return {
    color: useColor(io.stderr, io.env),
    io,
    out: (line) => io.stdout.write(line + "\n"),
    err: (line) => io.stderr.write(line + "\n"),
  };
}

/** Source order: by file, line and column; diagnostics without a location first. Stable. */
function bySourcePosition(a: Diagnostic, b: Diagnostic): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return (la ? 1 : 0) - (lb ? 1 : 0);
  return la.file < lb.file ? -1 : la.file > lb.file ? 1 : la.line - lb.line || la.column - lb.column;
}

export interface PrintOptions {
  /** Text of the files the command read, by absolute path: code frames come from these only. */
  readonly sources?: Readonly<Record<string, string>>;
  /** Lines of user files whose values are masked in code frames (Secret data). */
  readonly maskLine?: (file: string, line: number) => boolean;
  /** Diagnostics printed at most; the rest are counted in the summary line. */
  readonly limit?: number;
}

/**
 * Print diagnostics to stderr, errors before warnings, each in source order, then a count line.
 * Code frames come from `options.sources` (the text of the files the command read) and nothing else.
 */
export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[], options: PrintOptions = {}): void {
  if (diagnostics.length === 0) return;
  const errors = diagnostics.filter((d) => d.severity === "error").sort(bySourcePosition);
  const ordered = [...errors, ...diagnostics.filter((d) => d.severity !== "error").sort(bySourcePosition)];
  const shown = options.limit !== undefined && ordered.length > options.limit ? ordered.slice(0, options.limit) : ordered;
  for (const d of shown) output.err(renderDiagnostic(d, { cwd: process.cwd(), color: output.color, sources: options.sources, ...(options.maskLine ? { maskLine: options.maskLine } : {}) }) + "\n");
  if (shown.length < ordered.length) output.err(`... ${ordered.length - shown.length} more not shown (tkc prints at most ${options.limit} diagnostics per run)`);
  output.err(renderSummary(diagnostics));
}

export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, "sha256:").slice(0, 19) + "…";
}

/** How a command prints its diagnostics: for people and CI logs, for tools, or for code scanning. */
export type DiagnosticFormat = "text" | "json" | "sarif";

/**
 * Under GitHub Actions, each error and warning once more as a workflow command, so it shows on the
 * user's line in the pull request (paths relative to the repository). On stderr: stdout may carry JSON, SARIF or a YAML stream.
 */
export function printAnnotations(output: Output, diagnostics: readonly Diagnostic[]): void {
  if (!underGitHubActions()) return;
  for (const line of githubAnnotations(diagnostics, repositoryRoot(process.cwd()))) output.err(line);
}

/** The SARIF log of these diagnostics, URIs relative to the repository (the nearest folder with .git, else the current one). */
export function sarifText(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(sarifLog(diagnostics, { root: repositoryRoot(process.cwd()), toolVersion: tkcVersion(), errorsDir: join(tkcRoot(), "docs", "errors") }), null, 2);
}

function repositoryRoot(from: string): string {
  return repositoryTop(from) ?? resolve(from);
}
