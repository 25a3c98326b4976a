import { statSync } from "node:fs";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { readSource } from "../load/sources.js";
import { fail, succeed, type StageContext, type StageResult } from "../model/stage.js";
import { typecheck, type TypecheckInput, type TypecheckOutput } from "./typecheck.js";

/**
 * The typecheck stage: tsc over the project's descriptors (see typecheck.ts). Project files tsc
 * read beyond the listed sources (an imported `.json`, a `.ts` in a skipped folder) join
 * `ctx.read` when tsc reports a problem in them, for its code frame.
 */
export async function checkTypes(input: TypecheckInput, ctx: Pick<StageContext, "read">): Promise<StageResult<{ readonly cached: boolean }>> {
  const checked = await typecheck(input);
  readCheckedFiles(checked, ctx.read);
  return hasErrors(checked.diagnostics) ? fail(checked.diagnostics) : succeed({ cached: checked.cached }, checked.diagnostics);
}

function readCheckedFiles(checked: TypecheckOutput, read: Map<string, string>): void {
  const located = new Set(checked.diagnostics.map((d) => d.location?.file));
  for (const file of checked.files ?? []) {
    if (read.has(file) || !located.has(file)) continue;
    try {
      if (statSync(file).isFile()) read.set(file, readSource(file).text);
    } catch {
      // gone since tsc read it: no code frame
    }
  }
}
