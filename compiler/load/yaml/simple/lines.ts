/** Helpers of the simple YAML reader that work on one line of text. */

export const SPACE = 0x20;

/** Thrown inside the simple reader when the text leaves the shape it reads exactly. */
export class Declined extends Error {}

export const decline = (): never => {
  throw new Declined();
};

/** Nothing but spaces and a comment from `from` on (a comment needs a space before it). */
export function onlyComment(line: string, from: number): boolean {
  let i = from;
  while (line.charCodeAt(i) === SPACE) i++;
  if (i === line.length) return true;
  return line.charCodeAt(i) === 0x23 && (i > from || from === 0) && !line.includes("\t", from);
}

export function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

export function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(0, end);
}

/**
 * A line of a quoted scalar that goes on below, as it joins the next: without its trailing spaces,
 * and whether it ends in an escaped line break (`\` last, in double quotes: joined with nothing).
 * A `\ ` before the trailing spaces is an escaped space, kept.
 */
export function quotedLineEnd(part: string, quote: string): [string, boolean] {
  const trimmed = withoutTrailingSpaces(part);
  if (quote !== '"') return [trimmed, false];
  let backslashes = 0;
  while (trimmed.charCodeAt(trimmed.length - 1 - backslashes) === 0x5c) backslashes++;
  if (backslashes % 2 === 0) return [trimmed, false];
  if (trimmed.length === part.length) return [trimmed.slice(0, -1), true];
  return [trimmed + " ", false];
}
