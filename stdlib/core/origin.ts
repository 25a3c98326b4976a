import type { SourceLocation } from "../../compiler/model/source.js";

export type { SourceLocation };

/**
 * Maps a V8 stack trace to the user's source location of the innermost descriptor frame.
 * The evaluate stage installs one per build (it owns the source maps); outside a build
 * (plain unit tests of the stdlib) origins are simply unknown.
 */
export type StackResolver = (stack: string) => SourceLocation | undefined;

let resolver: StackResolver | undefined;

/** Installed by the evaluate stage for the duration of one evaluation. */
export function setStackResolver(next: StackResolver | undefined): void {
  resolver = next;
}

/** V8's stack API (descriptors are type-checked without Node's types). */
interface V8ErrorConstructor {
  stackTraceLimit: number;
  captureStackTrace(target: object, constructorOpt?: Function): void;
}

/** Where the user called the stdlib function that is running now. */
export function captureOrigin(): SourceLocation | undefined {
  if (!resolver) return undefined;
  const holder: { stack?: string } = {};
  const v8Error = Error as unknown as V8ErrorConstructor;
  const limit = v8Error.stackTraceLimit;
  v8Error.stackTraceLimit = 30;
  v8Error.captureStackTrace(holder, captureOrigin);
  v8Error.stackTraceLimit = limit;
  return holder.stack ? resolver(holder.stack) : undefined;
}
