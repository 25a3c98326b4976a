import { escapeControl } from "../diagnostics/escape.js";

/** What every line a descriptor prints starts with, so it can never pass for tkc's (or CI's) own. */
export const DESCRIPTOR_PREFIX = "[descriptor] ";

/**
 * The terminal lines for one console.log of a descriptor: each of its lines becomes one prefixed
 * line, with control characters shown as escapes. No line can then begin with `::` (a GitHub
 * Actions workflow command) or move the cursor and erase what tkc printed.
 */
export function descriptorLogLines(line: string): string[] {
  // The evaluation stage may prefix the first line already; every line gets the prefix here.
  const text = line.startsWith(DESCRIPTOR_PREFIX) ? line.slice(DESCRIPTOR_PREFIX.length) : line;
  return text.split(/\r?\n/).map((part) => DESCRIPTOR_PREFIX + escapeControl(part));
}
