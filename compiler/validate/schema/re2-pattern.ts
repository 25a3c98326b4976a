import { createRequire } from "node:module";
import type { RE2JS as RE2JSClass } from "re2js";

type RE2JSModule = { readonly RE2JS: typeof RE2JSClass };
let re2js: RE2JSModule | undefined;

/**
 * ajv's `pattern` engine for CRDs compiled at run time (a project's, a validated manifest set's):
 * RE2, as the API server matches `pattern` (Go's regexp), in linear time. With JavaScript's
 * backtracking engine, `pattern: "^(a+)+$"` and a value of 40 a's and a b hung `tkc validate`.
 * Loaded on first use (~15 ms): most runs compile no CRD.
 */
export const re2Pattern = Object.assign(
  (pattern: string): { test(value: string): boolean; toString(): string } => {
    // A require, not import(): the bundled CLI runs as a vm.Script, which has no dynamic import.
    re2js ??= createRequire(import.meta.url)("re2js") as RE2JSModule;
    const compiled = re2js.RE2JS.compile(pattern);
    // ajv keys its compiled patterns by toString(): each needs its own, or all share the first.
    return { test: (value: string) => compiled.matcher(value).find(), toString: () => `re2:${pattern}` };
  },
  // ajv reads `code` only when it writes standalone modules, which this engine never serves.
  { code: 'require("re2js")' },
);
