/**
 * The CEL evaluator of a CRD's rules (cel-rules.ts), bundled on its own into dist/cel.cjs and
 * loaded through V8's code cache on first use: most runs meet no CEL rule, and loading the two
 * packages from node_modules (one an ES module) took ~45 ms a run that did.
 */
import { Environment } from "@marcbachmann/cel-js";
import { registerKubernetesLibraries, RENAMED_FUNCTIONS, RENAMED_METHODS } from "./cel-library/index.js";

export type CelProgram = (context: Record<string, unknown>) => unknown;

export interface CelEngine {
  /** The compiled expression, or an Error the caller treats as "cannot evaluate". */
  compile(expression: string): CelProgram;
}

export function createCelEngine(): CelEngine {
  const environment = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false, limits: { maxAstNodes: 10_000, maxDepth: 100 } });
  registerKubernetesLibraries(environment);
  return {
    compile(expression) {
      const parsed = environment.parse(libraryCalls(indexedHas(expression)));
      return (context) => parsed(context);
    },
  };
}

/**
 * Calls of the Kubernetes libraries under the names cel-library/ registers them with: `.indexOf(`
 * as `.k8s_indexOf(` (the evaluator's own has JavaScript's semantics), `matches(` as
 * `k8s_matches(` (RE2, not the evaluator's backtracking engine), `sets.contains(` as
 * `k8s_sets_contains(`. A field is never followed by "(", so only calls change.
 */
export function libraryCalls(expression: string): string {
  return outsideLiterals(expression, (i) => {
    const call = /^(\.\s*)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(\s*\()/.exec(expression.slice(i, i + 40));
    if (!call) return undefined;
    const [whole, dot, name, open] = call as unknown as [string, string | undefined, string, string];
    // A function's name starts a word; `x.sets.contains(` is a method of a field.
    if (!dot && /[\w.]/.test(expression[i - 1] ?? "")) return undefined;
    const renamed = dot ? RENAMED_METHODS.get(name) : RENAMED_FUNCTIONS.get(name);
    return renamed ? { text: `${dot ?? ""}${renamed}${open}`, next: i + whole.length } : undefined;
  });
}

/**
 * `has(self.matches[0].path)` as `(self.matches[0]).?path.hasValue()`: the same test of presence,
 * which the evaluator runs, where its has() takes only a chain of names (Gateway API's HTTPRoute
 * has such rules). Anything this cannot read is left as written.
 */
export function indexedHas(expression: string): string {
  return outsideLiterals(expression, (i) => {
    const call = /^has\s*\(/.exec(expression.slice(i, i + 12));
    if (!call || /[\w.]/.test(expression[i - 1] ?? "")) return undefined;
    const open = i + call[0].length;
    const close = matchingParen(expression, open);
    const field = close === undefined ? null : /^([\s\S]*\])\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression.slice(open, close).trim());
    return close !== undefined && field ? { text: `(${indexedHas(field[1]!)}).?${field[2]}.hasValue()`, next: close + 1 } : undefined;
  });
}

/**
 * The expression with `step` applied where it matches, outside string literals: `step(i)` gives
 * the text to write for what starts at `i` and where to go on, or undefined to copy one character.
 */
function outsideLiterals(expression: string, step: (at: number) => { readonly text: string; readonly next: number } | undefined): string {
  let out = "";
  for (let i = 0; i < expression.length; ) {
    const c = expression[i]!;
    if (c === "'" || c === '"') {
      const end = literalEnd(expression, i);
      if (end === undefined) return out + expression.slice(i);
      out += expression.slice(i, end);
      i = end;
      continue;
    }
    const replaced = step(i);
    if (replaced) {
      out += replaced.text;
      i = replaced.next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the string literal that starts at `from` ('...', "...", or tripled). */
function literalEnd(text: string, from: number): number | undefined {
  const quote = text[from]!;
  const triple = text.startsWith(quote.repeat(3), from);
  const close = triple ? quote.repeat(3) : quote;
  for (let i = from + close.length; i < text.length; i++) {
    if (text[i] === "\\" && !triple) {
      i++;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
  }
  return undefined;
}

/** The index of the ")" that closes the "(" before `from`, skipping brackets and string literals. */
function matchingParen(text: string, from: number): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = literalEnd(text, i);
      if (end === undefined) return undefined;
      i = end - 1;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return c === ")" ? i : undefined;
      depth--;
    }
  }
  return undefined;
}
