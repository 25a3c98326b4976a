import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, renderSummary, useColor } from "../diagnostics/render.js";

/** Exit codes: 0 ok, 1 user errors, 2 usage, 70 internal error (a tkc bug). */
export const EXIT = { ok: 0, userError: 1, usage: 2, internal: 70 } as const;

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

/** Print diagnostics to stderr, errors before warnings, each in source order, then a count line. */
export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const errors = diagnostics.filter((d) => d.severity === "error").sort(bySourcePosition);
  const ordered = [...errors, ...diagnostics.filter((d) => d.severity !== "error").sort(bySourcePosition)];
  for (const d of ordered) output.err(renderDiagnostic(d, { cwd: process.cwd(), color: output.color }) + "\n");
  output.err(renderSummary(diagnostics));
}

export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, "sha256:").slice(0, 19) + "…";
}
