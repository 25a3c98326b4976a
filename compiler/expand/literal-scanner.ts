import type { SourceLocation } from "../model/source.js";

/**
 * A light reading of an object literal in the user's source, enough to point a diagnostic at the
 * exact property that set a value. Not a parser: it skips expressions it does not need, and gives
 * up (returns undefined) on anything it does not understand.
 */
export type LiteralNode =
  | { readonly kind: "object"; readonly at: number; readonly props: ReadonlyMap<string, LiteralProperty> }
  | { readonly kind: "array"; readonly at: number; readonly items: readonly LiteralNode[] }
  | { readonly kind: "other"; readonly at: number; readonly length: number }
  /** `perEnv({ dev: ..., default: ... })`: a value per environment, its entries read into. */
  | { readonly kind: "perEnv"; readonly at: number; readonly length: number; readonly entries: LiteralNode };

export interface LiteralProperty {
  /** Offset of the key. */
  readonly at: number;
  readonly keyLength: number;
  /** The value, when written inline (undefined for shorthand `{ host }`). */
  readonly value?: LiteralNode;
}

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

class Scanner {
  pos: number;
  constructor(readonly text: string, start: number) {
    this.pos = start;
  }

  skipTrivia(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "/" && t[this.pos + 1] === "/") {
        const end = t.indexOf("\n", this.pos);
        this.pos = end < 0 ? t.length : end;
      } else if (c === "/" && t[this.pos + 1] === "*") {
        const end = t.indexOf("*/", this.pos + 2);
        this.pos = end < 0 ? t.length : end + 2;
      } else return;
    }
  }

  /** Skip a string or template literal starting at the current quote. */
  skipString(): void {
    const t = this.text;
    const quote = t[this.pos++];
    while (this.pos < t.length) {
      const c = t[this.pos++];
      if (c === "\\") this.pos++;
      else if (c === quote) return;
      else if (quote === "`" && c === "$" && t[this.pos] === "{") {
        this.pos++;
        this.skipUntil("}");
        this.pos++;
      }
    }
  }

  /** Skip balanced code up to (not past) one of the stop characters at depth 0. */
  skipUntil(stops: string): void {
    const t = this.text;
    const stack: string[] = [];
    while (this.pos < t.length) {
      this.skipTrivia();
      const c = t[this.pos];
      if (c === undefined) return;
      if (stack.length === 0 && stops.includes(c)) return;
      if (c === '"' || c === "'" || c === "`") this.skipString();
      else if (c in CLOSERS) {
        stack.push(CLOSERS[c]);
        this.pos++;
      } else if (c === ")" || c === "]" || c === "}") {
        if (stack.pop() === undefined) return;
        this.pos++;
      } else this.pos++;
    }
  }

  value(): LiteralNode {
    this.skipTrivia();
    const at = this.pos;
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    const perEnv = /^perEnv\s*\(\s*\{/.exec(this.text.slice(at, at + 40));
    if (perEnv) {
      this.pos = at + perEnv[0].length - 1;
      const entries = this.object();
      this.skipTrivia();
      if (this.text[this.pos] === ")") this.pos++;
      // whatever follows the call (`as T`) belongs to the value too
      this.skipUntil(",}]");
      return { kind: "perEnv", at, length: this.text.slice(at, this.pos).trimEnd().length, entries };
    }
    this.skipUntil(",}]");
    return { kind: "other", at, length: this.text.slice(at, this.pos).trimEnd().length };
  }

  object(): LiteralNode {
    const at = this.pos++;
    const props = new Map<string, LiteralProperty>();
    for (;;) {
      this.skipTrivia();
      const c = this.text[this.pos];
      if (c === undefined) break;
      if (c === "}") {
        this.pos++;
        break;
      }
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (this.text.startsWith("...", this.pos)) {
        this.skipUntil(",}");
        continue;
      }
      const keyAt = this.pos;
      let key: string | undefined;
      if (c === '"' || c === "'") {
        this.skipString();
        key = this.text.slice(keyAt + 1, this.pos - 1);
      } else if (c === "[") {
        this.skipUntil(":,}");
      } else {
        const match = /^[A-Za-z_$][\w$]*|^\d+/.exec(this.text.slice(this.pos, this.pos + 200));
        if (!match) {
          this.skipUntil(",}");
          continue;
        }
        key = match[0];
        this.pos += key.length;
      }
      this.skipTrivia();
      const next = this.text[this.pos];
      const keyLength = this.pos - keyAt;
      if (next === ":") {
        this.pos++;
        const value = this.value();
        if (key !== undefined) props.set(key, { at: keyAt, keyLength: key.length + (c === '"' || c === "'" ? 2 : 0), value });
      } else {
        // Shorthand `{ host }` or a method; either way the key marks the place.
        this.skipUntil(",}");
        if (key !== undefined) props.set(key, { at: keyAt, keyLength: Math.min(keyLength, key.length) });
      }
    }
    return { kind: "object", at, props };
  }

  array(): LiteralNode {
    const at = this.pos++;
    const items: LiteralNode[] = [];
    for (;;) {
      this.skipTrivia();
      const c = this.text[this.pos];
      if (c === undefined) break;
      if (c === "]") {
        this.pos++;
        break;
      }
      if (c === ",") {
        this.pos++;
        continue;
      }
      items.push(this.value());
    }
    return { kind: "array", at, items };
  }
}

/**
 * The arguments of the call at `offset`, as written (`service({...})`, `waitFor("db", 5432)`): an
 * object or array literal is read into, anything else is one node that covers the expression.
 */
export function scanCallArguments(text: string, offset: number): readonly LiteralNode[] | undefined {
  const open = text.indexOf("(", offset);
  if (open < 0 || open - offset > 200) return undefined;
  const scanner = new Scanner(text, open + 1);
  const args: LiteralNode[] = [];
  for (;;) {
    scanner.skipTrivia();
    const c = text[scanner.pos];
    if (c === undefined || c === ")") return args;
    if (c === ",") {
      scanner.pos++;
      continue;
    }
    const before = scanner.pos;
    args.push(scanner.value());
    // A closer the value did not open (a stray "]" or "}"): not a call we can read.
    if (scanner.pos === before) return undefined;
  }
}

// Positions in a text, shared with the YAML readers.
export { locationOf, offsetOf } from "../diagnostics/position.js";
import { locationOf, offsetOf } from "../diagnostics/position.js";

/**
 * Follow an option path (`["pod", "priorityClassName"]`, `["ports", 1, "name"]`) into the literal
 * as far as it was written; the offset and length of the deepest property reached.
 */
export function findInLiteral(root: LiteralNode, path: readonly (string | number)[], environment?: string): { at: number; length: number } | undefined {
  let node: LiteralNode | undefined = root;
  let found: { at: number; length: number } | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (!node) break;
    // A value per environment: the building environment's entry (or `default`), then on.
    if (node.kind === "perEnv") {
      const entries: LiteralNode = node.entries;
      const entry: LiteralProperty | undefined = environment === undefined || entries.kind !== "object" ? undefined : entries.props.get(environment) ?? entries.props.get("default");
      if (!entry) break;
      found = { at: entry.at, length: entry.keyLength };
      node = entry.value;
      i--;
      continue;
    }
    if (node.kind === "object" && typeof segment === "string") {
      const prop = node.props.get(segment);
      if (!prop) break;
      found = { at: prop.at, length: prop.keyLength };
      node = prop.value;
    } else if (node.kind === "array" && typeof segment === "number") {
      const item: LiteralNode | undefined = node.items[segment];
      if (!item) break;
      found = { at: item.at, length: item.kind === "other" || item.kind === "perEnv" ? item.length : 1 };
      node = item;
    } else break;
    // The path ends at a value per environment (`replicas: perEnv({ dev: 1, prod: 3 })`): its entry.
    if (i === path.length - 1 && node?.kind === "perEnv" && environment !== undefined && node.entries.kind === "object") {
      const entry: LiteralProperty | undefined = node.entries.props.get(environment) ?? node.entries.props.get("default");
      if (entry) found = { at: entry.at, length: entry.keyLength };
    }
  }
  return found;
}

/**
 * Where calls write their options, from the build's own texts: the property at `path` in the
 * argument `argument` (the first by default) of the call at `call`, or that argument itself for
 * an empty path (undefined where the call does not write it out, or there is no text). Each
 * call's arguments are scanned once per locator.
 */
export function propertyLocator(texts: (file: string) => string | undefined, environment?: string): (call: SourceLocation, path: readonly (string | number)[], argument?: number) => SourceLocation | undefined {
  const calls = new Map<string, readonly LiteralNode[] | null>();
  return (call, path, argument = 0) => {
    const text = texts(call.file);
    if (text === undefined) return undefined;
    const key = `${call.file}:${call.line}:${call.column}`;
    let args = calls.get(key);
    if (args === undefined) calls.set(key, (args = scanCallArguments(text, offsetOf(text, call.line, call.column)) ?? null));
    const root = args?.[argument];
    if (!root) return undefined;
    // The whole argument: a value written inline (its expression), or a literal (its opening bracket).
    if (path.length === 0) return locationOf(call.file, text, root.at, root.kind === "other" || root.kind === "perEnv" ? root.length : 1);
    const hit = findInLiteral(root, path, environment);
    return hit ? locationOf(call.file, text, hit.at, hit.length) : undefined;
  };
}
