import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { resolve } from "node:path";
import type { SourceLocation } from "../model/source.js";

/** The file name the bundle runs under, so its frames can be found in any stack trace. */
export const BUNDLE_FILENAME = "tkc-bundle";
const FRAME = new RegExp(`${BUNDLE_FILENAME}:(\\d+):(\\d+)`, "g");

/** Maps positions in the bundle back to the user's .k8s.ts files through esbuild's source map. */
export function createStackMapper(map: string, projectDir: string): (stack: string) => SourceLocation | undefined {
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
  // The innermost frame inside the user's code is where the stdlib was called (or the throw happened).
  return (stack) => {
    for (const match of stack.matchAll(FRAME)) {
      const location = lookup(Number(match[1]), Number(match[2]));
      if (location && !location.file.includes("/node_modules/")) return location;
    }
    return undefined;
  };
}
