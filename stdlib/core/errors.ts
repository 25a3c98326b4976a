import type { SourceLocation } from "./origin.js";

/**
 * A mistake in the user's options, found by a stdlib check. Thrown inside the descriptor's
 * evaluation; the evaluate/expand stage turns it into a diagnostic at `location`.
 */
export class DescriptorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location: SourceLocation | undefined,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "DescriptorError";
  }
}

/** Report a user mistake at the given location (usually the stdlib call's origin). */
export function fail(code: string, message: string, location: SourceLocation | undefined, hint?: string): never {
  throw new DescriptorError(code, message, location, hint);
}

/** The code of the errors your own patterns and components report with `fail` (docs/errors/TKC2900.md). */
export const USER_CHECK = "TKC2900";

/**
 * For your own patterns and components, exported from "tkc" as `fail`: reject the options a user
 * passed, reported as `file:line:col error TKC2900: message` at `at`. In `definePattern`'s `check`,
 * pass its `origin` argument, so the error points at the user's call of your pattern.
 */
export function failOption(message: string, at: SourceLocation | undefined, options: { readonly hint?: string } = {}): never {
  throw new DescriptorError(USER_CHECK, message, at, options.hint);
}
