import { asRecord, show, stringMap } from "../guards.js";
import { relatedAt } from "../report.js";
import { isEmptySelector, mapSelectorScore, selectorMismatch } from "../selectors.js";
import { intOrPercent } from "./rollout-strategy.js";
import type { SemanticRule } from "./rule.js";

/** TKC3511-3513: PodDisruptionBudget budget fields and selector. */
export const disruptionBudget: SemanticRule = {
  name: "disruption-budget",
  kinds: ["policy/PodDisruptionBudget"],
  check(target, bundle, report) {
    if (target.group !== "policy" || target.kind !== "PodDisruptionBudget") return;
    const spec = asRecord(target.object.spec) ?? {};
    const hasMin = spec.minAvailable !== undefined;
    const hasMax = spec.maxUnavailable !== undefined;
    if (hasMin && hasMax) {
      report.error("TKC3511", ["spec", "maxUnavailable"], "PodDisruptionBudget sets both minAvailable and maxUnavailable", "keep only one of them");
    } else if (!hasMin && !hasMax) {
      // The API accepts this, but such a budget protects nothing.
      report.warning("TKC3511", ["spec"], "PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so it has no effect", "set minAvailable (e.g. 1) or maxUnavailable (e.g. \"25%\")");
    }
    intOrPercent(spec.minAvailable, ["spec", "minAvailable"], true, report, "TKC3513");
    intOrPercent(spec.maxUnavailable, ["spec", "maxUnavailable"], true, report, "TKC3513");
    if (spec.selector === undefined || isEmptySelector(spec.selector)) return;
    const candidates = bundle.workloadsWithLabels(target.namespace, stringMap(asRecord(spec.selector)?.matchLabels));
    if (candidates.some((w) => selectorMismatch(spec.selector, w.podTemplate!.labels) === undefined)) return;
    const matchLabels = stringMap(asRecord(spec.selector)?.matchLabels);
    const workloads = bundle.workloadsIn(target.namespace);
    const closest = [...workloads].sort((a, b) => mapSelectorScore(matchLabels, b.podTemplate!.labels) - mapSelectorScore(matchLabels, a.podTemplate!.labels))[0];
    report.warning(
      "TKC3512",
      ["spec", "selector"],
      `PodDisruptionBudget selector ${show(spec.selector)} matches no pod template in the bundle`,
      "make the selector match a workload's spec.template.metadata.labels, or ignore this if the pods are deployed elsewhere",
      closest ? [relatedAt(closest, closest.podTemplate!.labelsPath, `${closest.kind} ${show(closest.name)} pod labels are here`)] : [],
    );
  },
};
