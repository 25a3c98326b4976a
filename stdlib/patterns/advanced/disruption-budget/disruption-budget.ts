import type { PolicyV1PodDisruptionBudget } from "tkc/k8s";
import { report } from "../../../core/report.js";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";
import { checkBudgetAgainstReplicas, requireReplicatedWorkload } from "../../support/replicas.js";
import { isCount, percentValue } from "../../../../syntax/index.js";

/** A pod count or a percentage of the desired pods, e.g. `1` or `"50%"`. */
export type PodBudget = number | `${number}%`;

interface BudgetCommon {
  /**
   * Whether running but not-ready pods may be evicted even when the budget is exhausted.
   * `AlwaysAllow` keeps a crash-looping rollout from blocking node drains.
   * @default "AlwaysAllow" (Kubernetes defaults to IfHealthyBudget)
   */
  readonly unhealthyPodEvictionPolicy?: "AlwaysAllow" | "IfHealthyBudget";
}

/** Exactly one of `minAvailable` and `maxUnavailable`. */
export type DisruptionBudgetOptions =
  | (BudgetCommon & {
      /** Pods that must stay up during voluntary disruptions (drains, upgrades). */
      readonly minAvailable: PerEnvironment<PodBudget>;
      readonly maxUnavailable?: never;
    })
  | (BudgetCommon & {
      /** Pods that may be down at once during voluntary disruptions; scales with the replica count. */
      readonly maxUnavailable: PerEnvironment<PodBudget>;
      readonly minAvailable?: never;
    });

function checkValue(field: "minAvailable" | "maxUnavailable", value: PodBudget | undefined, origin: SourceLocation | undefined): void {
  if (value === undefined) return;
  const percent = percentValue(value);
  const valid = typeof value === "number" ? isCount(value) : percent !== undefined && percent <= 100;
  if (!valid) {
    report.error("TKC2631", `disruptionBudget() ${field} must be a whole number >= 0 or a percentage from "0%" to "100%" (got ${JSON.stringify(value)})`, atProperty(origin, [field]), { hint: `e.g. ${field}: 1 or ${field}: "25%"` });
    return;
  }
  const blocksAll = field === "maxUnavailable" ? value === 0 || value === "0%" : value === "100%";
  if (blocksAll) {
    report.error(
      "TKC2632",
      `disruptionBudget() with ${field}: ${JSON.stringify(value)} never allows an eviction, so node drains and cluster upgrades would hang on this workload`,
      atProperty(origin, [field]),
      { hint: "use maxUnavailable: 1 (or a percentage such as \"25%\")" },
    );
  }
}

/**
 * A PodDisruptionBudget (policy/v1) named like the workload, selecting its pods, so that
 * voluntary disruptions (node drains, cluster upgrades) never take down more than it allows.
 */
export const disruptionBudget = definePattern<DisruptionBudgetOptions>({
  name: "disruption-budget",
  check(options, origin) {
    const hasMin = options.minAvailable !== undefined;
    const hasMax = options.maxUnavailable !== undefined;
    if (hasMin === hasMax) {
      report.error(
        "TKC2630",
        hasMin ? "disruptionBudget() sets both minAvailable and maxUnavailable" : "disruptionBudget() sets neither minAvailable nor maxUnavailable",
        origin,
        { hint: "set exactly one: maxUnavailable: 1 suits most services; minAvailable for a quorum (e.g. 2 of 3)" },
      );
    }
    checkValue("minAvailable", sameInEveryEnvironment(options.minAvailable), origin);
    checkValue("maxUnavailable", sameInEveryEnvironment(options.maxUnavailable), origin);
  },
  apply(options, build, context, origin) {
    requireReplicatedWorkload("TKC2633", "disruptionBudget()", build, origin);
    const minAvailable = optionForEnvironment(options.minAvailable, context);
    const maxUnavailable = optionForEnvironment(options.maxUnavailable, context);
    checkValue("minAvailable", minAvailable, origin);
    checkValue("maxUnavailable", maxUnavailable, origin);
    build.budget = { minAvailable, maxUnavailable, origin };
    build.afterPatterns.push(() => checkBudgetAgainstReplicas(build));
    const pdb: PolicyV1PodDisruptionBudget = {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: build.name, labels: labelsFor(build) },
      spec: compact({
        minAvailable,
        maxUnavailable,
        selector: { matchLabels: { ...build.selector } },
        unhealthyPodEvictionPolicy: options.unhealthyPodEvictionPolicy ?? "AlwaysAllow",
      }),
    };
    build.extraObjects.push({
      object: pdb,
      origin,
      fields: [
        [[], []],
        [["spec", "minAvailable"], ["minAvailable"]],
        [["spec", "maxUnavailable"], ["maxUnavailable"]],
        [["spec", "unhealthyPodEvictionPolicy"], ["unhealthyPodEvictionPolicy"]],
      ],
    });
  },
});
