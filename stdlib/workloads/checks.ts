import { fail } from "../core/errors.js";
import { report } from "../core/report.js";
import type { SourceLocation } from "../core/origin.js";
import type { WorkloadBuild, WorkloadKind } from "../core/pattern.js";

// Small checks the pattern families share, at the caller's origin: a wrong value is reported and
// the check goes on; a pattern on the wrong kind of workload stops it (fail).

const INT_OR_PERCENT = /^(0|[1-9]\d*)%$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A count or a percentage such as `"25%"`; undefined when valid, else why not. */
export function intOrPercentProblem(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? undefined : `${value} is not a whole number >= 0`;
  if (typeof value === "string") return INT_OR_PERCENT.test(value) ? undefined : `"${value}" is not a percentage such as "25%"`;
  return `${typeof value} is neither a number nor a percentage`;
}

export function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === "0%";
}

/** A whole number in [min, max]; reported with `code` otherwise. */
export function checkWhole(code: string, what: string, value: unknown, min: number, origin: SourceLocation | undefined, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
    report.error(code, `${what} must be ${range}, got ${JSON.stringify(value)}`, origin, { hint: `set ${what} to ${range}` });
  }
}

export function isDnsLabel(value: unknown, maxLength = 63): value is string {
  return typeof value === "string" && value.length <= maxLength && DNS_LABEL.test(value);
}

/** Patterns that only make sense for some workload kinds say so clearly. */
export function requireWorkloadType(code: string, pattern: string, build: WorkloadBuild, allowed: readonly WorkloadKind[], origin: SourceLocation | undefined): void {
  if (!allowed.includes(build.type)) {
    fail(code, `${pattern}() cannot be applied to ${build.type} '${build.name}'`, origin, `use it on ${allowed.join(" or ")} workloads only`);
  }
}
