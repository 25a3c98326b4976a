// User values in messages, read without running any of their code: a getter, toString, toJSON or
// Proxy trap of a hostile value could throw or lie, and a huge string would flood the terminal.

const MAX = 80;

const cut = (text: string): string => (text.length > MAX ? `${text.slice(0, MAX)}…` : text);

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return "an object";
  if (typeof value === "symbol") return "a symbol";
  return String(value);
}

/** A value as message text: a string as it is, other values by what they are (`5`, `an object`). */
export function shownText(value: unknown): string {
  try {
    return typeof value === "string" ? cut(value) : kind(value);
  } catch {
    // Array.isArray on a revoked Proxy throws
    return "an object";
  }
}

/** The same, with a string in JSON quotes: `"ready"`. */
export function shownJson(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(cut(value)) : shownText(value);
}
