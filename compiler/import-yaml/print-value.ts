import { escapeControl } from "../diagnostics/escape.js";
/** Prints plain data as a TypeScript expression, the way a person would format it. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LINE_WIDTH = 100;

/** Returns the identifier to print instead of a value (a named constant), or undefined. */
export type Substitute = (value: unknown, path: readonly string[]) => string | undefined;

export function printKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

export function printValue(value: unknown, indent: string, substitute: Substitute = () => undefined, path: readonly string[] = []): string {
  const named = substitute(value, path);
  if (named !== undefined) return named;
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item, i) => printValue(item, inner, substitute, [...path, String(i)]));
    const flat = `[${items.join(", ")}]`;
    if (!flat.includes("\n") && flat.length + indent.length <= LINE_WIDTH) return flat;
    return `[\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const fields = entries.map(([key, item]) => {
    const printed = printValue(item, inner, substitute, [...path, key]);
    // `labels: labels` reads as `labels`, as a person would write it
    return printed === key && IDENTIFIER.test(key) ? key : `${printKey(key)}: ${printed}`;
  });
  const flat = `{ ${fields.join(", ")} }`;
  if (!flat.includes("\n") && flat.length + indent.length <= LINE_WIDTH) return flat;
  return `{\n${fields.map((field) => `${inner}${field},`).join("\n")}\n${indent}}`;
}

/** `my-app` -> `myApp`, `0x` -> `_0x`: a variable name from an object or app name. */
export function camelName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/** A comment block (`//` lines) for text that may hold anything, `*\/` included. */
export function lineComment(lines: readonly string[], indent = ""): string {
  // The text comes from the manifests (names, their comments): a line break in it (\n, or
  // U+2028 in a YAML comment) would end the comment and make the rest code, so it is escaped.
  return lines.map((line) => `${indent}// ${escapeControl(line)}`.trimEnd()).join("\n");
}
