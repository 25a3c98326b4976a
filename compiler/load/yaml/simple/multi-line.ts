/**
 * Scalars of the simple YAML reader that take more than one line: plain and quoted scalars that
 * go on below their first line, and block scalars. Each gives its value and the rows it took.
 */
import { decline, onlyComment, quotedLineEnd, SPACE } from "./lines.js";
import { doubleQuoted, singleQuoted } from "./scalars.js";

/** The text's lines and the leading spaces of each. */
export interface Lines {
  readonly lines: readonly string[];
  readonly indents: Int32Array;
}

/**
 * The lines that continue a plain scalar whose first line is the row `row` (`first`, which
 * ends that line), folded as YAML folds them: a line break is a space, each empty line a line
 * break. Gives its value and last row.
 */
export function continuePlain(text: Lines, row: number, first: string, indent: number): { value: string; lastRow: number } {
  let value = first;
  let lastRow = row;
  let empty = 0;
  for (let r = row + 1; r < text.lines.length; r++) {
    const line = text.lines[r]!;
    const spaces = text.indents[r]!;
    if (spaces === line.length) {
      empty++;
      continue;
    }
    if (spaces <= indent) break;
    let stop = line.length;
    while (line.charCodeAt(stop - 1) === SPACE) stop--;
    const part = line.slice(spaces, stop);
    // comments, `key: value` and tabs inside: the full reader
    if (part.startsWith("#") || part.includes(": ") || part.endsWith(":") || part.includes(" #") || part.includes("\t")) decline();
    value += empty === 0 ? " " + part : "\n".repeat(empty) + part;
    empty = 0;
    lastRow = r;
  }
  return { value, lastRow };
}

/**
 * A quoted scalar that goes on past the line of its opening quote (at `open` of the current
 * row), folded as continuePlain folds. Gives its value, its last row and the index after the
 * closing quote there.
 */
export function continueQuoted(text: Lines, row: number, line: string, open: number, indent: number): { value: string; end: number; lastRow: number } {
  const quote = line[open]!;
  const decode = quote === '"' ? doubleQuoted : singleQuoted;
  if (line.includes("\t", open)) decline();
  let [raw, joined] = quotedLineEnd(line.slice(open + 1), quote);
  let empty = 0;
  for (let r = row + 1; r < text.lines.length; r++) {
    const next = text.lines[r]!;
    const spaces = text.indents[r]!;
    if (spaces === next.length) {
      empty++;
      continue;
    }
    if (spaces <= indent || next.includes("\t")) decline();
    const close = decode(quote + next.slice(spaces), 0);
    // an escaped line break joins the lines as they are (empty lines after one: the full reader)
    if (joined && empty > 0) decline();
    const separator = joined ? "" : empty === 0 ? " " : "\n".repeat(empty);
    if (close !== undefined) {
      // the closing quote is on this line: decode the whole scalar as one line
      const [, after] = close;
      const body = raw + separator + next.slice(spaces, spaces + after - 2);
      const whole = decode(quote + body + quote, 0);
      if (whole === undefined) decline();
      return { value: whole![0], end: spaces + after - 1, lastRow: r };
    }
    const [part, joins] = quotedLineEnd(next.slice(spaces), quote);
    raw += separator + part;
    joined = joins;
    empty = 0;
  }
  return decline();
}

/**
 * A literal (`|`) or folded (`>`) block scalar whose header is at `at` of the row `row`, for
 * a node at `indent` (a mapping's key column or a sequence's dash column).
 */
export function blockScalar(text: Lines, row: number, line: string, at: number, indent: number): { value: string; nextRow: number; lastContentRow: number } {
  if (indent < 0) decline();
  const folded = line[at] === ">";
  let i = at + 1;
  let chomp: "clip" | "strip" | "keep" = "clip";
  let indicator = 0;
  for (let k = 0; k < 2; k++) {
    const c = line.charCodeAt(i);
    if ((c === 0x2d || c === 0x2b) && chomp === "clip") chomp = c === 0x2d ? "strip" : "keep";
    else if (c >= 0x31 && c <= 0x39 && indicator === 0) indicator = c - 0x30;
    else break;
    i++;
  }
  if (!onlyComment(line, i)) decline();
  const header = row;
  // the content's indentation: given by the indicator, else that of the first line that is not blank
  let contentIndent = indent + indicator;
  if (indicator === 0) {
    contentIndent = -1;
    for (let r = header + 1; r < text.lines.length; r++) {
      if (text.indents[r]! === text.lines[r]!.length) continue;
      contentIndent = text.indents[r]!;
      break;
    }
  }
  const content: string[] = [];
  let lastContent = header;
  // lines of spaces only since the last content line (spacesOnly: one has more than the indentation)
  const pending: string[] = [];
  let spacesOnly = false;
  let r = header + 1;
  if (contentIndent > indent) {
    for (; r < text.lines.length; r++) {
      const line = text.lines[r]!;
      const spaces = text.indents[r]!;
      if (spaces === line.length) {
        // a line of spaces only; past the indentation its spaces are content, if content follows
        // (before the first content line, readers disagree on such a line)
        if (spaces > contentIndent && content.length === 0) decline();
        if (spaces > contentIndent) spacesOnly = true;
        pending.push(line.slice(contentIndent));
        continue;
      }
      if (spaces < contentIndent) break;
      if (folded && (pending.length > 0 || spaces > contentIndent || line.charCodeAt(contentIndent) === 0x09)) decline();
      content.push(...pending);
      pending.length = 0;
      spacesOnly = false;
      content.push(line.slice(contentIndent));
      lastContent = r;
    }
  }
  // lines of spaces after the content: readers disagree on them (see the YAML writer's rule)
  if (spacesOnly) decline();
  if (content.length === 0) {
    // no content: only a plain `|` or `|-` before lines that are truly empty
    if (chomp === "keep" || indicator !== 0) decline();
    let after = header + 1;
    for (; after < text.lines.length && text.indents[after]! === text.lines[after]!.length; after++) if (text.lines[after]!.length > 0) decline();
    // the full reader's node takes in the empty lines after it (the last one of the text is no line)
    const last = after === text.lines.length && text.lines[after - 1] === "" ? Math.max(header, after - 2) : after - 1;
    return { value: "", nextRow: after, lastContentRow: last };
  }
  const body = content.join(folded ? " " : "\n");
  const read = (value: string) => ({ value, nextRow: lastContent + 1, lastContentRow: lastContent });
  if (chomp === "strip") return read(body);
  if (chomp === "clip") return read(body + "\n");
  // keep: the empty lines after the content too, but not the nothing after the text's last line break
  const phantom = r === text.lines.length && text.lines[r - 1] === "" ? 1 : 0;
  const kept = pending.length - phantom;
  if (folded || kept < 0) decline();
  // the kept empty lines are the scalar's too (its last line, for a Secret's masked lines)
  return { value: body + "\n".repeat(1 + kept), nextRow: lastContent + 1 + kept, lastContentRow: lastContent + kept };
}
