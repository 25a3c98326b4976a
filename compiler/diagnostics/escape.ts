/**
 * Text that comes from a project (descriptor output, a source line in a code frame, a value in a
 * message) is shown, never obeyed: control characters would move the cursor or erase lines, and
 * a line starting with `::` is a GitHub Actions workflow command (an annotation, a masked value,
 * an environment file). Each is shown as a `\uXXXX` escape instead.
 */

// C0 controls but tab, DEL, C1 controls, line/paragraph separators, and the bidirectional
// overrides and isolates that make code read differently from how it runs ("Trojan Source").
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Control characters as escapes, on one line. Tabs stay: they are layout, not commands. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A line that would be read as a workflow command (`::name ...::`, leading blanks allowed) starts escaped. */
export function escapeCommandStart(line: string): string {
  return line.replace(/^(\s*)::/, (_, blanks: string) => `${blanks}\\u003a:`);
}

/** One line of untrusted text, safe to print at the start of a line. */
export function escapeLine(line: string): string {
  return escapeCommandStart(escapeControl(line));
}
