import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Evaluation } from "../model/evaluation.js";
import { checkSuppliedValues } from "../inputs/check.js";
import type { SuppliedValue } from "../../stdlib/core/input.js";

/**
 * What the build asked for, against what the descriptors declared: every supplied value fits an
 * input, and every environment named exists. The release's origin is resolved only to report.
 */
export async function checkRequest(evaluation: Evaluation, supplied: readonly SuppliedValue[], environments: readonly string[] | undefined): Promise<Diagnostic[]> {
  const { release } = evaluation;
  const badValues = checkSuppliedValues(supplied, evaluation, Object.keys(release.environments));
  if (badValues.length > 0) return badValues;
  const unknown = (environments ?? []).filter((env) => !(env in release.environments));
  if (unknown.length === 0) return [];
  const { origin } = (await evaluation.withOrigins()).release;
  return [error("TKC1005", `release '${release.name}' has no environment '${unknown[0]}'`, { location: origin, hint: `choose one of: ${Object.keys(release.environments).join(", ")}` })];
}
