import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import type { LocationData } from "../data.js";
import { isPackageFile } from "../../model/source.js";

/** The file name the user's bundle runs under, so its frames can be told from the stdlib's. */
export const BUNDLE_FILENAME = "tkc-bundle";

/** The parts of a V8 call site the realm reads. */
export interface CallSite {
  getFileName(): string | null | undefined;
  getPosition(): number;
}

export interface OriginMapper {
  /**
   * Where the user called into the stdlib: the innermost bundle frame in the user's own files,
   * or the one `skip` user frames further out (the caller of a user's helper).
   */
  fromFrames(frames: readonly CallSite[], skip?: number): LocationData | undefined;
  /** Where a throw happened, from a stack formatted by the realm (`tkc-bundle:line:column`). */
  fromStack(stack: string): LocationData | undefined;
}

const FRAME = new RegExp(`${BUNDLE_FILENAME}:(\\d+):(\\d+)`, "g");
const userCode = (location: LocationData | undefined) => location !== undefined && !isPackageFile(location.file);

/**
 * A file as esbuild's source map names it, as a path: the map's sources are URLs, so `wé.k8s.ts`
 * is `w%C3%A9.k8s.ts` there and `#` is `%23`, and a report in such a file lost its location.
 */
function sourcePath(source: string): string {
  try {
    return decodeURIComponent(source);
  } catch {
    return source;
  }
}

/**
 * Maps positions in the bundle to the user's files through esbuild's source map, inside the realm.
 * Files stay as the map names them (relative to the project); the host makes them absolute.
 */
export function createOriginMapper(map: string, code: string): OriginMapper {
  const trace = new TraceMap(map);
  const memo = new Map<number, LocationData | undefined>();
  const lookup = (line: number, column: number): LocationData | undefined => {
    const key = line * 0x100000 + column;
    if (memo.has(key)) return memo.get(key);
    const original = originalPositionFor(trace, { line, column: column - 1 });
    const location = original.source && original.line !== null && original.column !== null ? { file: sourcePath(original.source), line: original.line, column: original.column + 1 } : undefined;
    memo.set(key, location);
    return location;
  };
  // Offsets are cheap to get from V8, lines are not: map offsets to lines with our own table.
  const lineStarts = [0];
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const fromOffset = (offset: number): LocationData | undefined => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return lookup(low + 1, offset - lineStarts[low]! + 1);
  };
  return {
    fromFrames(frames, skip = 0) {
      let first: LocationData | undefined;
      let passed = 0;
      for (const frame of frames) {
        if (frame.getFileName() !== BUNDLE_FILENAME) continue;
        const location = fromOffset(frame.getPosition());
        first ??= location;
        if (userCode(location) && passed++ === skip) return location;
      }
      return skip === 0 ? first : undefined;
    },
    fromStack(stack) {
      for (const match of stack.matchAll(FRAME)) {
        const location = lookup(Number(match[1]), Number(match[2]));
        if (userCode(location)) return location;
      }
      return undefined;
    },
  };
}
