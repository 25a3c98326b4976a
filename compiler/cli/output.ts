import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, renderSummary, useColor } from "../diagnostics/render.js";

/** Exit codes: 0 ok, 1 user errors, 2 usage, 70 internal error (a tkc bug). */
export const EXIT = { ok: 0, userError: 1, usage: 2, internal: 70 } as const;

export interface Output {
  readonly color: boolean;
  out(line: string): void;
  err(line: string): void;
}

export function processOutput(): Output {
  return {
    color: useColor(process.stderr),
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
  };
}

/** Print diagnostics to stderr, errors before warnings, then a count line if there were any. */
export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const ordered = [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity !== "error")];
  for (const d of ordered) output.err(renderDiagnostic(d, { cwd: process.cwd(), color: output.color }) + "\n");
  output.err(renderSummary(diagnostics));
}

export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, "sha256:").slice(0, 19) + "…";
}
