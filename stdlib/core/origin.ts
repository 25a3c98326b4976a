import type { SourceLocation } from "../../compiler/model/source.js";

export type { SourceLocation };

/** The parts of a V8 call site tkc reads. */
export interface StackFrame {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  /** Character offset in the script (V8); much cheaper than line and column for large scripts. */
  getPosition?(): number;
}

/**
 * Maps the frames of a call stack to the user's source location of the innermost descriptor
 * frame. The evaluate stage installs one per build (it owns the source maps); outside a build
 * (plain unit tests of the stdlib) origins are simply unknown.
 */
export type StackResolver = (frames: readonly StackFrame[]) => SourceLocation | undefined;

let resolver: StackResolver | undefined;

/** Installed by the evaluate stage for the duration of one evaluation. */
export function setStackResolver(next: StackResolver | undefined): void {
  resolver = next;
}

/** V8's stack API (descriptors are type-checked without Node's types). */
interface V8ErrorConstructor {
  stackTraceLimit: number;
  prepareStackTrace?: (error: unknown, frames: StackFrame[]) => unknown;
  captureStackTrace(target: object, constructorOpt?: Function): void;
}

const returnFrames = (_error: unknown, frames: StackFrame[]) => frames;

/**
 * Where the user called the stdlib function that is running now. Reads V8's structured call
 * sites rather than a formatted stack: formatting was most of the cost of a call.
 */
export function captureOrigin(): SourceLocation | undefined {
  if (!resolver) return undefined;
  const v8Error = Error as unknown as V8ErrorConstructor;
  const previous = v8Error.prepareStackTrace;
  const limit = v8Error.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  try {
    v8Error.prepareStackTrace = returnFrames;
    v8Error.stackTraceLimit = 20;
    v8Error.captureStackTrace(holder, captureOrigin);
    const frames = holder.stack;
    return Array.isArray(frames) ? resolver(frames as StackFrame[]) : undefined;
  } finally {
    v8Error.prepareStackTrace = previous;
    v8Error.stackTraceLimit = limit;
  }
}
