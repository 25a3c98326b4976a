import { DescriptorError } from "../../stdlib/core/errors.js";
import { takeReports, type Reported } from "../../stdlib/core/report.js";

/**
 * Run stdlib code outside a build, as the unit tests of the stdlib do, and throw the first error
 * it reported (as the DescriptorError a `fail` would have thrown), so that one assertion covers
 * both ways the stdlib reports a mistake. Warnings are returned.
 */
export function runReporting<T>(run: () => T): { value: T; warnings: Reported[] } {
  takeReports();
  const value = run();
  const reported = takeReports();
  const first = reported.find((r) => r.severity === "error");
  if (first) throw new DescriptorError(first.code, first.message, first.at, first.hint, first.related);
  return { value, warnings: reported };
}

/** Everything reported while `run` ran (a `fail` it threw is the last), in order. */
export function reportsOf(run: () => unknown): Reported[] {
  takeReports();
  try {
    run();
  } catch (thrown) {
    if (!(thrown instanceof DescriptorError)) throw thrown;
    return [...takeReports(), { code: thrown.code, severity: "error", message: thrown.message, at: thrown.location, hint: thrown.hint, related: thrown.related }];
  }
  return takeReports();
}
