import type { SourceLocation } from "../model/source.js";

// Offsets in a text and the 1-based lines and columns an editor shows, found with indexOf: a
// file is never split into lines for one position (16 MB of YAML is millions of strings).

/** Offset of a 1-based line and column. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** 1-based line and column of an offset. */
export function locationOf(file: string, text: string, offset: number, length?: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, column: offset - lineStart + 1, ...(length ? { length } : {}) };
}

