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
  /**
   * The option this location is about, as a path into the options object passed at the call
   * (`["environments", "dev", "namespace"]`): the compiler points at that property where the call
   * writes it out. See `atProperty`.
   */
  readonly property?: readonly (string | number)[];
  /**
   * Which argument of the call `property` starts in (0 is the first, and the default): the
   * compiler points at that argument, or at the property inside it, where the call writes it.
   * See `atArgument`.
   */
  readonly argument?: number;
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

/**
 * The location of one option of the call at `origin`: a report there points at the property as the
 * user wrote it (`version: "2.x"`), not at the call, when the options are an object literal in
 * the call; else at the call. Cheap: the call's position is read (and a lazily captured origin
 * resolved) only when a report at it is shown.
 */
export function atProperty(origin: SourceLocation | undefined, property: readonly (string | number)[]): SourceLocation | undefined {
  return located(origin, property, undefined);
}

/**
 * The location of one argument of the call at `origin`, or of a property inside it: for calls
 * that take their values by position (`waitFor("postgres", 5432)`, `httpProbe("/healthz", "http")`).
 * `atArgument(at, 1)` points at the second argument as written; `atArgument(at, 2, ["timeoutSeconds"])`
 * at that option of the third. Where the call does not write it out, the report points at the call.
 */
export function atArgument(origin: SourceLocation | undefined, argument: number, property: readonly (string | number)[] = []): SourceLocation | undefined {
  return located(origin, property, argument);
}

function located(origin: SourceLocation | undefined, property: readonly (string | number)[], argument: number | undefined): SourceLocation | undefined {
  if (origin === undefined) return undefined;
  const path = Object.freeze([...property]);
  return Object.freeze(
    Object.defineProperties({} as SourceLocation, {
      file: { enumerable: true, get: () => origin.file },
      line: { enumerable: true, get: () => origin.line },
      column: { enumerable: true, get: () => origin.column },
      property: { enumerable: true, value: path },
      ...(argument !== undefined ? { argument: { enumerable: true, value: argument } } : {}),
    }),
  );
}
