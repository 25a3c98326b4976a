/**
 * A position in a user's source file; lines and columns are 1-based, as editors show them. The
 * stdlib keeps its own declaration (the same shape as the compiler's SourceLocation in
 * compiler/model/source.ts), so the published types never reach into compiler/.
 */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Characters covered, for the caret underline. */
  readonly length?: number;
}

/**
 * Finds where the user called the stdlib function that is running now, passing over `skip` more
 * frames of the user's own code. The evaluation realm installs one per build (it owns the
 * bundle's source map); outside a build (plain unit tests of the stdlib) origins are unknown.
 */
export type OriginCapture = (skip: number) => SourceLocation | undefined;

let capture: OriginCapture | undefined;

/** Installed by the evaluation realm before the descriptors run. */
export function setOriginCapture(next: OriginCapture | undefined): void {
  capture = next;
}

/** Where the user called the stdlib function that is running now, when known. */
export function captureOrigin(): SourceLocation | undefined {
  return capture?.(0);
}

/**
 * Exported from "tkc": where the user called the function of yours that is running now (the
 * line that called the function which calls `callerOrigin()`), so that your own helpers can
 * `report` or `fail` at their caller's line rather than at their own.
 */
export function callerOrigin(): SourceLocation | undefined {
  return capture?.(1);
}
