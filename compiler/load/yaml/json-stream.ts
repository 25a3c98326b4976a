/**
 * kubectl reads a file whose first non-blank character is `{` as a stream of JSON values, not as
 * YAML (k8s.io/apimachinery's NewYAMLOrJSONDecoder sniffs the start): a YAML flow mapping there
 * (`{ apiVersion: v1, ... }`, unquoted keys) is refused ("invalid character ... looking for
 * beginning of object key string"), though every YAML reader takes it.
 */

/** True when kubectl would read `text` as JSON (it skips a byte-order mark, then spaces, tabs and line breaks). */
export function readAsJson(text: string): boolean {
  return JSON_START.test(text);
}

const JSON_START = /^\ufeff?[ \t\r\n]*\{/;

/**
 * The JSON values of a text kubectl reads as JSON (each one's start and end offsets), or where it
 * stops being JSON, and why.
 */
export function jsonStream(text: string): { readonly values: readonly { readonly start: number; readonly end: number }[] } | { readonly problem: { readonly offset: number; readonly reason: string } } {
  const values: { start: number; end: number }[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  for (;;) {
    while (at < n && " \t\r\n".includes(text[at]!)) at++;
    if (at >= n) return { values };
    const start = at;
    if (text[at] !== "{" && text[at] !== "[") return { problem: { offset: at, reason: "only JSON values may follow" } };
    // The end of this value: brackets balanced outside strings.
    let depth = 0;
    for (; at < n; at++) {
      const c = text[at];
      if (c === '"') {
        for (at++; at < n && text[at] !== '"'; at++) if (text[at] === "\\") at++;
      } else if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) break;
    }
    const value = text.slice(start, at + 1);
    try {
      JSON.parse(value);
    } catch (failure) {
      const position = Number(/at position (\d+)/.exec((failure as Error).message)?.[1] ?? value.length - 1);
      return { problem: { offset: start + Math.min(position, value.length - 1), reason: (failure as Error).message.replace(/ in JSON at position \d+.*$/s, "").replace(/^Unexpected token (.), ".*$/s, "unexpected $1") } };
    }
    values.push({ start, end: at + 1 });
    at++;
  }
}
