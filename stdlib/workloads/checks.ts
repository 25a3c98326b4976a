import { fail } from "../core/errors.js";
import { report } from "../core/report.js";
import type { SourceLocation } from "../core/origin.js";
import { shownJson } from "../core/shown.js";
import type { WorkloadBuild, WorkloadKind } from "../core/pattern.js";

// Small checks the pattern families share, at the caller's origin: a wrong value is reported and
// the check goes on; a pattern on the wrong kind of workload stops it (fail).

export function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === "0%";
}

/** A whole number in [min, max]; reported with `code` otherwise. */
export function checkWhole(code: string, what: string, value: unknown, min: number, origin: SourceLocation | undefined, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
    report.error(code, `${what} must be ${range}, got ${shownJson(value)}`, origin, { hint: `set ${what} to ${range}` });
  }
}

/** Patterns that only make sense for some workload kinds say so clearly. */
export function requireWorkloadType(code: string, pattern: string, build: WorkloadBuild, allowed: readonly WorkloadKind[], origin: SourceLocation | undefined): void {
  if (!allowed.includes(build.type)) {
    fail(code, `${pattern}() cannot be applied to ${build.type} '${build.name}'`, origin, `use it on ${allowed.join(" or ")} workloads only`);
  }
}
