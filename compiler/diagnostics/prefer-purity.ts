import type { Diagnostic } from "./diagnostic.js";

/** Imports refused for leaving the project (compiler/evaluate/confine-imports.ts). */
const CONFINEMENT_CODES = new Set(["TKC2030", "TKC2031"]);

/**
 * When a build fails with type errors, they explain everything after them and are what it
 * reports, with one exception. TypeScript reports an import of a Node.js module as "cannot find
 * module"; tkc's own message (descriptors must be pure) says what is really wrong, so it replaces
 * TypeScript's. An import refused for leaving the project wins too, and tsc's findings in files
 * this build did not read itself (which tsc may have followed out of the project) are dropped
 * with it: they could quote them.
 */
export function preferPurityErrors(typeErrors: readonly Diagnostic[], evaluationErrors: readonly Diagnostic[], read: ReadonlyMap<string, string>): Diagnostic[] {
  const confined = evaluationErrors.filter((d) => CONFINEMENT_CODES.has(d.code));
  const purity = [...evaluationErrors.filter((d) => d.code === "TKC2006"), ...confined];
  if (purity.length === 0) return [...typeErrors];
  const covered = new Set(purity.map((d) => `${d.location?.file}:${d.location?.line}`));
  // TS2307 "cannot find module", TS2591 "cannot find name 'fs'... install @types/node".
  const superseded = (d: Diagnostic) =>
    ((d.code === "TS2307" || d.code === "TS2591") && covered.has(`${d.location?.file}:${d.location?.line}`)) ||
    (confined.length > 0 && (d.location === undefined || !read.has(d.location.file)));
  return [...purity, ...typeErrors.filter((d) => !superseded(d))];
}
