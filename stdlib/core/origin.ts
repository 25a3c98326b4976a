import type { SourceLocation } from "../../compiler/model/source.js";

export type { SourceLocation };

/**
 * Finds where the user called the stdlib function that is running now. The evaluation realm
 * installs one per build (it owns the bundle's source map); outside a build (plain unit tests of
 * the stdlib) origins are simply unknown.
 */
export type OriginCapture = () => SourceLocation | undefined;

let capture: OriginCapture | undefined;

/** Installed by the evaluation realm before the descriptors run. */
export function setOriginCapture(next: OriginCapture | undefined): void {
  capture = next;
}

/** Where the user called the stdlib function that is running now, when known. */
export function captureOrigin(): SourceLocation | undefined {
  return capture?.();
}
