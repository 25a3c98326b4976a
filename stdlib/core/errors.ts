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
