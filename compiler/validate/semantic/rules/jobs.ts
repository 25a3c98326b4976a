import type { JsonPath } from "../../../model/path.js";
import { asRecord, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

/** TKC3705-3707 for a Job spec, standalone or inside a CronJob's jobTemplate. */
export function checkJobSpec(spec: Json, base: JsonPath, report: Reporter): void {
  for (const field of ["parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes"]) {
    const value = spec[field];
    if (value !== undefined && value !== null && (!isInteger(value) || value < 0)) {
      report.error("TKC3705", [...base, field], `${field} is ${show(value)}; it must be an integer >= 0`, `set ${field} to 0 or more`);
    }
  }
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && (!isInteger(deadline) || deadline <= 0)) {
    report.error("TKC3707", [...base, "activeDeadlineSeconds"], `activeDeadlineSeconds is ${show(deadline)}; it must be greater than 0`, "use a positive number of seconds, or leave it unset for no deadline");
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== "NonIndexed" && mode !== "Indexed") {
    report.error("TKC3706", [...base, "completionMode"], `completionMode ${show(mode)} is not NonIndexed or Indexed`, "use NonIndexed (the default) or Indexed");
  } else if (mode === "Indexed" && !isInteger(spec.completions)) {
    report.error("TKC3706", [...base, "completionMode"], "completionMode Indexed requires spec.completions", "set completions to the number of indexes to run");
  }
}

export const jobs: SemanticRule = {
  name: "jobs",
  kinds: ["batch/Job"],
  check(target, _bundle, report) {
    if (target.group !== "batch" || target.kind !== "Job") return;
    const spec = asRecord(target.object.spec);
    if (spec) checkJobSpec(spec, ["spec"], report);
  },
};
