import type { BatchV1PodFailurePolicy } from "tkc/k8s";
import { report } from "../core/report.js";
import { compact } from "../core/merge.js";
import { atProperty, type SourceLocation } from "../core/origin.js";

/** One rule of a Job's pod failure policy; the first rule that matches a failed pod decides. */
export interface PodFailureRule {
  /** `FailJob`: stop retrying; `Ignore`: retry without counting (e.g. evictions); `Count`: count as usual; `FailIndex`: fail only this index. */
  readonly action: "FailJob" | "FailIndex" | "Ignore" | "Count";
  /** Match the main container's exit code (`In` may not list 0). */
  readonly onExitCodes?: { readonly operator: "In" | "NotIn"; readonly values: readonly number[]; readonly containerName?: string };
  /** Match pod conditions, e.g. `[{ type: "DisruptionTarget" }]` for preemption, eviction and node drains. */
  readonly onPodConditions?: readonly { readonly type: string; readonly status?: "True" | "False" | "Unknown" }[];
}

/** Check the rules at the call; `restartPolicy` and `indexed` say what the Job allows. */
export function checkPodFailurePolicy(
  rules: readonly PodFailureRule[],
  job: { readonly restartPolicy?: string; readonly perIndex: boolean },
  origin: SourceLocation | undefined,
): void {
  if (job.restartPolicy === "OnFailure") {
    report.error("TKC2250", "podFailurePolicy needs restartPolicy \"Never\": with OnFailure the kubelet restarts containers and the Job never sees the failure", atProperty(origin, ["restartPolicy"]), { hint: "remove restartPolicy (tkc's default is Never)" });
  }
  if (rules.length === 0) report.error("TKC2250", "podFailurePolicy has no rules", atProperty(origin, ["podFailurePolicy"]), { hint: "add a rule, or remove podFailurePolicy" });
  rules.forEach((rule, i) => {
    const where = `podFailurePolicy[${i}]`;
    if ((rule.onExitCodes === undefined) === (rule.onPodConditions === undefined)) {
      report.error("TKC2250", `${where} must match either onExitCodes or onPodConditions (exactly one)`, atProperty(origin, ["podFailurePolicy", i]), { hint: "e.g. onExitCodes: { operator: \"In\", values: [42] }" });
    }
    if (rule.action === "FailIndex" && !job.perIndex) report.error("TKC2250", `${where} uses FailIndex, which needs backoffLimitPerIndex on an Indexed Job`, atProperty(origin, ["podFailurePolicy", i, "action"]), { hint: "set completionMode: \"Indexed\" and backoffLimitPerIndex, or use FailJob" });
    const codes = rule.onExitCodes;
    if (codes) {
      if (codes.values.length === 0 || codes.values.length > 255) report.error("TKC2250", `${where} onExitCodes lists ${codes.values.length} values (1 to 255 allowed)`, atProperty(origin, ["podFailurePolicy", i, "onExitCodes", "values"]), { hint: "list the exit codes to match" });
      if (codes.values.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) report.error("TKC2250", `${where} onExitCodes has a value outside 0-255`, atProperty(origin, ["podFailurePolicy", i, "onExitCodes", "values"]), { hint: "exit codes are whole numbers from 0 to 255" });
      if (codes.operator === "In" && codes.values.includes(0)) report.error("TKC2250", `${where} matches exit code 0 with In, but 0 is success`, atProperty(origin, ["podFailurePolicy", i, "onExitCodes", "values"]), { hint: "remove 0 from the values" });
    }
    if (rule.onPodConditions && rule.onPodConditions.length === 0) report.error("TKC2250", `${where} onPodConditions is empty`, atProperty(origin, ["podFailurePolicy", i, "onPodConditions"]), { hint: "e.g. onPodConditions: [{ type: \"DisruptionTarget\" }]" });
  });
}

/** The API's shape: exit codes sorted and unique (the API requires it), condition status defaulted. */
export function toPodFailurePolicy(rules: readonly PodFailureRule[]): BatchV1PodFailurePolicy {
  return {
    rules: rules.map((rule) =>
      compact({
        action: rule.action,
        onExitCodes: rule.onExitCodes
          ? compact({ containerName: rule.onExitCodes.containerName, operator: rule.onExitCodes.operator, values: [...new Set(rule.onExitCodes.values)].sort((a, b) => a - b) })
          : undefined,
        onPodConditions: rule.onPodConditions?.map((c) => ({ type: c.type, status: c.status ?? "True" })),
      }),
    ),
  };
}
