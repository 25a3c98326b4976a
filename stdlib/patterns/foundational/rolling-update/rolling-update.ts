import { isPerEnv, resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { checkWhole, isZero, requireWorkloadType } from "../../../workloads/checks.js";
import { intOrPercentProblem } from "../../../../syntax/index.js";

type IntOrPercent = number | `${number}%`;

export interface RollingUpdateOptions {
  /** Pods created above `replicas` during a rollout: a count or a percentage of replicas. @default "25%" */
  readonly maxSurge?: PerEnvironment<IntOrPercent>;
  /** Pods below `replicas` that may be unavailable during a rollout. @default "25%"; 0 for zero-downtime with surge */
  readonly maxUnavailable?: PerEnvironment<IntOrPercent>;
  /** Seconds a new pod must be ready before it counts as available (catches crash loops early). @default none (0) */
  readonly minReadySeconds?: PerEnvironment<number>;
  /** Seconds without progress before the rollout is reported failed. @default none (600) */
  readonly progressDeadlineSeconds?: PerEnvironment<number>;
}

function checkValues(surge: unknown, unavailable: unknown, origin: SourceLocation | undefined): void {
  for (const [name, value] of [["maxSurge", surge], ["maxUnavailable", unavailable]] as const) {
    const problem = value === undefined ? undefined : intOrPercentProblem(value);
    if (problem) report.error("TKC2231", `rollingUpdate ${name}: ${problem}`, atProperty(origin, [name]), { hint: `write a count such as 1 or a percentage such as "25%"` });
  }
  if (isZero(surge as IntOrPercent) && isZero(unavailable as IntOrPercent)) {
    fail("TKC2230", "rollingUpdate maxSurge and maxUnavailable are both 0, so the rollout could never replace a pod", origin, "allow a surge (maxSurge: 1, maxUnavailable: 0, for zero downtime) or some unavailability");
  }
}

/** A rolling update with explicit surge and unavailability: new pods replace old ones a few at a time. */
export const rollingUpdate = definePattern<RollingUpdateOptions>({
  name: "rolling-update",
  check(options, origin) {
    const plain = <T>(value: PerEnvironment<T> | undefined) => (isPerEnv(value) ? undefined : (value as T | undefined));
    checkValues(plain(options.maxSurge) ?? (isPerEnv(options.maxSurge) ? undefined : "25%"), plain(options.maxUnavailable) ?? (isPerEnv(options.maxUnavailable) ? undefined : "25%"), origin);
  },
  apply(options, build, context, origin) {
    requireWorkloadType("TKC2232", "rollingUpdate", build, ["service", "worker"], origin);
    const environment = context.environment;
    const pick = <T>(value: PerEnvironment<T> | undefined) => (value === undefined ? undefined : resolve(value, environment));
    const maxSurge = pick(options.maxSurge);
    const maxUnavailable = pick(options.maxUnavailable);
    checkValues(maxSurge ?? "25%", maxUnavailable ?? "25%", origin);
    const minReadySeconds = pick(options.minReadySeconds);
    const progressDeadlineSeconds = pick(options.progressDeadlineSeconds);
    if (minReadySeconds !== undefined) checkWhole("TKC2231", "minReadySeconds", minReadySeconds, 0, atProperty(origin, ["minReadySeconds"]));
    if (progressDeadlineSeconds !== undefined) {
      checkWhole("TKC2231", "progressDeadlineSeconds", progressDeadlineSeconds, 1, atProperty(origin, ["progressDeadlineSeconds"]));
      if (progressDeadlineSeconds <= (minReadySeconds ?? 0)) {
        fail("TKC2231", `progressDeadlineSeconds (${progressDeadlineSeconds}) must be greater than minReadySeconds (${minReadySeconds})`, atProperty(origin, ["progressDeadlineSeconds"]), "give the rollout more time than one pod needs to become available");
      }
    }
    build.spec = {
      ...build.spec,
      ...compact({ minReadySeconds, progressDeadlineSeconds }),
      strategy: { type: "RollingUpdate", rollingUpdate: compact({ maxSurge: maxSurge ?? "25%", maxUnavailable: maxUnavailable ?? "25%" }) },
    };
  },
});
