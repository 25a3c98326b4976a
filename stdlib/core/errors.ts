import type { SourceLocation } from "./origin.js";

/** Another position that explains a report ("the other autoscaler is here"), shown as a note. */
export interface ReportNote {
  readonly message: string;
  readonly at: SourceLocation | undefined;
}

/**
 * A mistake in the user's options that leaves a stdlib call unusable. Thrown inside the
 * descriptor's evaluation; the call that catches it (see `guarded` in report.ts) or the evaluation
 * realm turns it into a report at `location`.
 */
export class DescriptorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location: SourceLocation | undefined,
    readonly hint?: string,
    readonly related?: readonly ReportNote[],
  ) {
    super(message);
    this.name = "DescriptorError";
  }
}

/** Stop a stdlib call that cannot go on, reporting the mistake at the given location (usually the call's origin). */
export function fail(code: string, message: string, location: SourceLocation | undefined, hint?: string, related?: readonly ReportNote[]): never {
  throw new DescriptorError(code, message, location, hint, related);
}

/** The code of the errors your own patterns and components report with `fail` or `report` (docs/errors/TKC2900.md). */
export const USER_CHECK = "TKC2900";

/**
 * For your own patterns and components, exported from "tkc" as `fail`: reject the options a user
 * passed, reported as `file:line:col error TKC2900: message` at `at`, and stop. In `definePattern`'s
 * `check`, pass its `origin` argument, so the error points at the user's call of your pattern.
 */
export function failOption(message: string, at: SourceLocation | undefined, options: { readonly hint?: string } = {}): never {
  throw new DescriptorError(USER_CHECK, message, at, options.hint);
}
