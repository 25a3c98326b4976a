import type { SourceLocation } from "../model/source.js";

export type Severity = "error" | "warning";

/** A related note, e.g. "the other object with this name is here". */
export interface RelatedInformation {
  readonly message: string;
  readonly location?: SourceLocation;
}

/**
 * The one error type of tkc. Stages report these; they do not throw for user mistakes.
 * `code` is `TKCnnnn` for tkc's own checks and `TSnnnn` for TypeScript's.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: SourceLocation;
  /** JSON path inside the emitted object, e.g. `spec.template.spec.containers[0].image`. */
  readonly path?: string;
  /** The object the diagnostic is about, as `describeObject` names it. */
  readonly object?: string;
  /** One line telling the user how to fix it. */
  readonly hint?: string;
  readonly related?: readonly RelatedInformation[];
}


export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function error(code: string, message: string, extra: Partial<Omit<Diagnostic, "code" | "message" | "severity">> = {}): Diagnostic {
  return { code, severity: "error", message, ...extra };
}

export function warning(code: string, message: string, extra: Partial<Omit<Diagnostic, "code" | "message" | "severity">> = {}): Diagnostic {
  return { code, severity: "warning", message, ...extra };
}
