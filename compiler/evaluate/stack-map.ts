import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { resolve } from "node:path";
import type { SourceLocation } from "../model/source.js";
import type { StackFrame } from "../../stdlib/core/origin.js";

/** The file name the bundle runs under, so its frames can be found in any stack trace. */
export const BUNDLE_FILENAME = "tkc-bundle";
const FRAME = new RegExp(`${BUNDLE_FILENAME}:(\\d+):(\\d+)`, "g");

export interface StackMapper {
  /** From a formatted stack (`error.stack` of a throw). */
  fromStack(stack: string): SourceLocation | undefined;
  /** From structured call sites (the stdlib's origin capture). */
  fromFrames(frames: readonly StackFrame[]): SourceLocation | undefined;
}

/** Maps positions in the bundle back to the user's .k8s.ts files through esbuild's source map. */
export function createStackMapper(map: string, projectDir: string, code: string): StackMapper {
  const trace = new TraceMap(map);
  const memo = new Map<string, SourceLocation | undefined>();
  const lookup = (line: number, column: number): SourceLocation | undefined => {
    const key = `${line}:${column}`;
    if (memo.has(key)) return memo.get(key);
    const original = originalPositionFor(trace, { line, column: column - 1 });
    const location =
      original.source && original.line !== null && original.column !== null
        ? { file: resolve(projectDir, original.source), line: original.line, column: original.column + 1 }
        : undefined;
    memo.set(key, location);
    return location;
  };
  // V8 recomputes line numbers of a compileFunction script on every call site query (~50 us for a
  // 500-file bundle); offsets are free, so map offsets to lines with our own table.
  const lineStarts = [0];
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const positionToLineColumn = (offset: number): [number, number] => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return [low + 1, offset - lineStarts[low]! + 1];
  };
  const userCode = (location: SourceLocation | undefined) => location !== undefined && !location.file.includes("/node_modules/");
  // The innermost frame inside the user's code is where the stdlib was called (or the throw happened).
  return {
    fromStack(stack) {
      for (const match of stack.matchAll(FRAME)) {
        const location = lookup(Number(match[1]), Number(match[2]));
        if (userCode(location)) return location;
      }
      return undefined;
    },
    fromFrames(frames) {
      const inBundle = frames.filter((frame) => frame.getFileName() === BUNDLE_FILENAME);
      if (inBundle.length === 0) return undefined;
      // Resolved on first use: V8 answers a call site's position by walking the source position
      // table of its function, which for a scope-hoisted bundle is the whole program (~50 us per
      // query at 500 files), and most origins are never shown.
      return lazyLocation(() => {
        let first: SourceLocation | undefined;
        for (const frame of inBundle) {
          const [line, column] = frame.getPosition ? positionToLineColumn(frame.getPosition()) : [frame.getLineNumber() ?? 0, frame.getColumnNumber() ?? 0];
          const location = lookup(line, column);
          first ??= location;
          if (userCode(location)) return location;
        }
        return first;
      });
    },
  };
}

/**
 * A SourceLocation computed on first read of any field. Its fields are enumerable accessors, so
 * spreading or JSON-serialising it gives the plain location.
 */
function lazyLocation(resolve: () => SourceLocation | undefined): SourceLocation {
  let resolved: SourceLocation | undefined | null = null;
  const get = () => (resolved === null ? (resolved = resolve()) : resolved);
  const location = {} as SourceLocation;
  Object.defineProperties(location, {
    file: { enumerable: true, get: () => get()?.file ?? "<unknown>" },
    line: { enumerable: true, get: () => get()?.line ?? 1 },
    column: { enumerable: true, get: () => get()?.column ?? 1 },
  });
  return location;
}
