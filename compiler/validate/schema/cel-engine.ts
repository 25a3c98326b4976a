/**
 * The CEL evaluator of a CRD's rules (cel-rules.ts), bundled on its own into dist/cel.cjs and
 * loaded through V8's code cache on first use: most runs meet no CEL rule, and loading the two
 * packages from node_modules (one an ES module) took ~45 ms a run that did.
 */
import { Environment } from "@marcbachmann/cel-js";
import { RE2JS } from "re2js";

export type CelProgram = (context: Record<string, unknown>) => unknown;

export interface CelEngine {
  /** The compiled expression, or an Error the caller treats as "cannot evaluate". */
  compile(expression: string): CelProgram;
}

export function createCelEngine(): CelEngine {
  const patterns = new Map<string, RE2JS | null>();
  // Regular expressions are RE2, as in Go: linear time, and the API server's syntax.
  const matches = (text: string, pattern: string): boolean => {
    if (!patterns.has(pattern)) {
      try {
        patterns.set(pattern, RE2JS.compile(pattern));
      } catch {
        patterns.set(pattern, null);
      }
    }
    const re = patterns.get(pattern);
    if (!re) throw new Error(`not an RE2 pattern: ${pattern}`);
    return re.matcher(text).find();
  };
  const environment = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false, limits: { maxAstNodes: 10_000, maxDepth: 100 } })
    .registerFunction("string.re2Matches(string): bool", matches)
    .registerFunction("re2Matches(string, string): bool", matches);
  return {
    compile(expression) {
      // The evaluator's own matches() is JavaScript's backtracking engine: calls go to RE2.
      const parsed = environment.parse(expression.replace(/(^|[^\w.])matches\s*\(/g, "$1re2Matches(").replace(/\.\s*matches\s*\(/g, ".re2Matches("));
      return (context) => parsed(context);
    },
  };
}
