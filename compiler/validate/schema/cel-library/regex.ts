/**
 * Regular expressions as Go's regexp runs them (RE2: linear time, the API server's syntax), with
 * re2js, a port of RE2/J: CEL's own `matches()` (the evaluator's is JavaScript's backtracking
 * engine, so calls reach this one under `matchesName`), and Kubernetes' regex library
 * (library/regex.go): `find` and `findAll`, which follow Go's rules for empty and adjacent matches.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { RE2JS } from "re2js";
import { fail, runes } from "./values.js";

export function registerRegex(environment: Environment, matchesMethod: string, matchesFunction: string): void {
  const compile = re2Compiler();
  const matches = (text: string, pattern: string): boolean => compile(pattern).matcher(text).find();
  const findAll = (text: string, pattern: string, limit: bigint): string[] => {
    runes(text);
    // Go returns no list for a limit of 0 and every match for a negative one.
    if (limit === 0n) return [];
    const n = limit < 0n || limit > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(limit);
    return (compile(pattern).re2().findAll(text, n) as string[] | null) ?? [];
  };
  environment
    .registerFunction(`string.${matchesMethod}(string): bool`, matches)
    .registerFunction(`${matchesFunction}(string, string): bool`, matches)
    .registerFunction("string.find(string): string", (text: string, pattern: string) => findAll(text, pattern, 1n)[0] ?? "")
    .registerFunction("string.findAll(string): list<string>", (text: string, pattern: string) => findAll(text, pattern, -1n))
    .registerFunction("string.findAll(string, int): list<string>", findAll);
}

/** An RE2 pattern compiled once, or a throw (the API server refuses the rule) for one that is not RE2. */
function re2Compiler(): (pattern: string) => RE2JS {
  const patterns = new Map<string, RE2JS | null>();
  return (pattern) => {
    if (!patterns.has(pattern)) {
      try {
        patterns.set(pattern, RE2JS.compile(pattern));
      } catch {
        patterns.set(pattern, null);
      }
    }
    return patterns.get(pattern) ?? fail(`not an RE2 pattern: ${pattern}`);
  };
}
