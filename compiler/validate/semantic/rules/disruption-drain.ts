import type { IndexedObject } from "../object-index.js";
import { asRecord, isInteger, show, stringMap } from "../guards.js";
import { isEmptySelector, selectorMismatch } from "../selectors.js";
import type { SemanticRule } from "./rule.js";

const REPLICATED = ["apps/Deployment", "apps/StatefulSet", "apps/ReplicaSet"];

/**
 * TKC3514: a PodDisruptionBudget that no eviction can ever satisfy for the workload it selects
 * (minAvailable at or above its replicas, or above its autoscaler's minimum): the API server
 * accepts it, but every node drain and cluster upgrade then waits on these pods forever.
 */
export const disruptionDrain: SemanticRule = {
  name: "disruption-drain",
  kinds: ["policy/PodDisruptionBudget"],
  check(target, bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    const minAvailable = spec.minAvailable;
    if (!isInteger(minAvailable) || minAvailable < 1 || isEmptySelector(spec.selector)) return;
    const workloads = bundle
      .workloadsWithLabels(target.namespace, stringMap(asRecord(spec.selector)?.matchLabels))
      .filter((w) => REPLICATED.includes(`${w.group}/${w.kind}`) && selectorMismatch(spec.selector, w.podTemplate!.labels) === undefined);
    if (workloads.length !== 1) return;
    const workload = workloads[0]!;
    const { replicas, source } = fewestReplicas(workload, bundle.find("autoscaling", "HorizontalPodAutoscaler", target.namespace));
    if (minAvailable < replicas) return;
    report.warning("TKC3514", ["spec", "minAvailable"], `minAvailable ${minAvailable} is not below the ${replicas} ${replicas === 1 ? "replica" : "replicas"} of ${workload.kind} ${show(workload.name)} (${source}), so no pod can ever be evicted and node drains block`, replicas > 1 ? `use maxUnavailable: 1, or minAvailable below ${replicas}` : "use maxUnavailable: 1, or run at least 2 replicas");
  },
};

/** The workload's replica floor: its autoscaler's minReplicas (default 1), else spec.replicas (default 1). */
function fewestReplicas(workload: IndexedObject, autoscalers: readonly IndexedObject[]): { replicas: number; source: string } {
  for (const hpa of autoscalers) {
    const spec = asRecord(hpa.object.spec);
    const ref = asRecord(spec?.scaleTargetRef);
    if (ref?.kind === workload.kind && ref?.name === workload.name) {
      const min = isInteger(spec?.minReplicas) ? spec.minReplicas : 1;
      return { replicas: min, source: `the minimum of HorizontalPodAutoscaler ${show(hpa.name)}` };
    }
  }
  const replicas = asRecord(workload.object.spec)?.replicas;
  return isInteger(replicas) ? { replicas, source: "spec.replicas" } : { replicas: 1, source: "replicas defaults to 1" };
}
