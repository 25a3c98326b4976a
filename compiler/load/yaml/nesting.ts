/**
 * How deeply a YAML text nests, found without parsing it. The `yaml` package reads recursively:
 * past ~800 levels (fewer when it is called deep in a stack) it runs out of stack, and when V8
 * then compiles a regular expression it aborts the whole process (found with two 6,000-level
 * documents in one run). So a text deeper than MAX_NESTING is refused before it is parsed.
 *
 * The count is an estimate from below, by the rules that nest YAML: indentation (a more
 * indented line is a level deeper), the `- ` and `? ` indicators at the start of a line, and
 * flow collections (`[` and `{`, outside quoted scalars and comments). Block scalars' contents
 * (after `|` or `>`) are text, not nesting. It may miss levels of odd layouts. It counts no
 * level YAML does not have, except a multi-line plain scalar whose every line is indented deeper
 * than the last; on the corpus it gives each file's true depth.
 */

/** Far above any real manifest (the deepest in ../shared/realworld, cert-manager's CRDs, nests 38), well below where the reader fails. */
export const MAX_NESTING = 400;

/** The offset where the text first nests deeper than `limit`, or -1. */
export function deeperThan(text: string, limit = MAX_NESTING): number {
  // The open block collections, each as its column * 2, plus 1 for a mapping. A line closes
  // those at or right of its indentation, except that `- ` in a mapping's column is that
  // mapping's value (`containers:` above `- name: app`, at the same indentation).
  const open: number[] = [];
  const column = (entry: number) => entry >> 1;
  const isMapping = (entry: number) => (entry & 1) === 1;
  let flow = 0; // open flow collections
  let flowBase = 0; // the block collections open where they began
  let quote = ""; // the quote of an open quoted scalar, across lines
  let blockScalar = false; // in a block scalar's lines
  let blockScalarParent = -1; // the column of the collection holding it (-1: none)
  // Where a scalar or a collection may begin: the start of a block line's content, after `: `,
  // and inside flow collections after `[`, `{` and `,`.
  let valueStart = true;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && text[at] === " ") at++;
    const indent = at - start;
    const blank = at >= end || text[at] === "\r" || (text[at] === "#" && !quote);
    const documentMark = indent === 0 && (text.startsWith("---", at) || text.startsWith("...", at));
    if (blockScalar && !documentMark && (blank || indent > blockScalarParent)) {
      start = end + 1;
      continue;
    }
    blockScalar = false;
    if (blank && flow === 0 && !quote) {
      start = end + 1;
      continue;
    }
    let keyColumn = -1; // where a block mapping on this line would begin
    if (flow === 0 && !quote) {
      if (documentMark && open.length > 0) open.length = 0;
      const item = (text[at] === "-" || text[at] === "?") && (text[at + 1] === " " || at + 1 >= end);
      const closes = (entry: number) => column(entry) > indent || (column(entry) === indent && !(item && isMapping(entry)));
      while (open.length > 0 && closes(open[open.length - 1]!)) open.pop();
      // `- ` and `? ` each open a collection at their column (`- - x` is a list in a list).
      while ((text[at] === "-" || text[at] === "?") && (text[at + 1] === " " || at + 1 >= end)) {
        open.push((at - start) * 2);
        if (open.length > limit) return at;
        at += 2;
        while (at < end && text[at] === " ") at++;
      }
      keyColumn = at - start;
    }
    // In a flow collection a line goes on where the last one ended (a plain scalar may span lines).
    if (flow === 0) valueStart = true;
    let quoteEnd = -1; // where the last quoted scalar ended
    for (; at < end; at++) {
      const char = text[at]!;
      if (quote) {
        if (quote === '"' && char === "\\") at++;
        else if (char === quote) {
          if (quote === "'" && text[at + 1] === "'") at++;
          else {
            quote = "";
            quoteEnd = at;
          }
        }
        continue;
      }
      if (char === " " || char === "\t") continue;
      if (char === "#" && (at === start || text[at - 1] === " " || text[at - 1] === "\t")) break;
      if (valueStart && (char === '"' || char === "'")) {
        quote = char;
        valueStart = false;
        continue;
      }
      if ((char === "[" || char === "{") && (valueStart || flow > 0)) {
        if (flow === 0) flowBase = open.length;
        flow++;
        if (flowBase + flow > limit) return at;
        valueStart = true;
        continue;
      }
      if (flow > 0 && (char === "]" || char === "}")) {
        flow--;
        valueStart = false;
        continue;
      }
      if (flow > 0 && char === ",") {
        valueStart = true;
        continue;
      }
      // `:` is a value indicator before a space or the line's end; in flow collections also
      // before `,[]{}` or right after a quoted key (`{"a":1}`), and never inside a plain `a:b`.
      const next = text[at + 1];
      if (char === ":" && (at + 1 >= end || next === " " || next === "\r" || (flow > 0 && (",[]{}".includes(next!) || quoteEnd === at - 1)))) {
        // The first `key:` of a line in block context: a mapping at the key's column.
        if (flow === 0 && keyColumn >= 0) {
          open.push(keyColumn * 2 + 1);
          if (open.length > limit) return start + keyColumn;
          keyColumn = -1;
        }
        valueStart = true;
        continue;
      }
      if (valueStart && flow === 0 && (char === "|" || char === ">")) {
        // Its text is every following line indented deeper than the collection it is a value of.
        blockScalar = true;
        blockScalarParent = open.length > 0 ? column(open[open.length - 1]!) : -1;
        break;
      }
      valueStart = false;
    }
    start = end + 1;
  }
  return -1;
}
