import type { NodeSelectorRequirement, Toleration } from "tkc/k8s";
import { resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";

/** A node label condition, e.g. `{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["m7i.large"] }`. */
export type NodeCondition = NodeSelectorRequirement;

export interface NodePlacementOptions {
  /** Only nodes with all these labels. @default none */
  readonly nodeSelector?: PerEnvironment<Readonly<Record<string, string>>>;
  /** Only nodes matching every condition (node affinity, required). @default none */
  readonly requireNodes?: PerEnvironment<readonly NodeCondition[]>;
  /** Prefer nodes matching these conditions, each with a weight 1-100 (node affinity, preferred). @default none */
  readonly preferNodes?: PerEnvironment<readonly { readonly weight: number; readonly match: readonly NodeCondition[] }[]>;
  /** Taints the pods tolerate, e.g. dedicated node pools. @default none */
  readonly tolerations?: PerEnvironment<readonly Toleration[]>;
}

function checkToleration(t: Toleration, index: number, call: SourceLocation | undefined): void {
  const where = `tolerations[${index}]`;
  const at = () => atProperty(call, ["tolerations", index]);
  if (t.operator === "Exists" && t.value !== undefined && t.value !== "") report.error("TKC2240", `${where} has operator Exists and a value; Exists matches any value`, at(), { hint: "drop the value, or use operator Equal" });
  if (t.operator !== undefined && t.operator !== "Exists" && t.operator !== "Equal") report.error("TKC2240", `${where} has operator '${t.operator}'`, at(), { hint: "use Equal or Exists" });
  if (!t.key && t.operator !== "Exists") report.error("TKC2240", `${where} has no key, which only operator Exists allows (tolerate every taint)`, at(), { hint: "set the taint's key" });
  if (t.effect !== undefined && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(t.effect)) report.error("TKC2240", `${where} has effect '${t.effect}'`, at(), { hint: "use NoSchedule, PreferNoSchedule or NoExecute, or leave it unset to match all effects" });
  if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") report.error("TKC2240", `${where} sets tolerationSeconds, which only applies to effect NoExecute`, at(), { hint: "set effect: \"NoExecute\" or drop tolerationSeconds" });
}

/** Each condition's mistakes, at the condition (`where` names the list, `path` is where it is in the options). */
function checkConditions(conditions: readonly NodeCondition[], where: string, path: readonly (string | number)[], origin: SourceLocation | undefined): void {
  conditions.forEach((c, i) => {
    const at = () => atProperty(origin, [...path, i]);
    const needsValues = c.operator === "In" || c.operator === "NotIn";
    if (needsValues && (c.values ?? []).length === 0) report.error("TKC2240", `${where}[${i}] uses ${c.operator} with no values`, at(), { hint: "list the label values to match" });
    if ((c.operator === "Exists" || c.operator === "DoesNotExist") && (c.values ?? []).length > 0) report.error("TKC2240", `${where}[${i}] uses ${c.operator} with values`, at(), { hint: "drop the values" });
  });
}

/** Node selection: node selector, node affinity (required and preferred) and tolerations. */
export const nodePlacement = definePattern<NodePlacementOptions>({
  name: "node-placement",
  apply(options, build, context, origin) {
    const environment = context.environment;
    const nodeSelector = options.nodeSelector ? { ...resolve(options.nodeSelector, environment) } : undefined;
    const required = options.requireNodes ? resolve(options.requireNodes, environment) : undefined;
    const preferred = options.preferNodes ? resolve(options.preferNodes, environment) : undefined;
    const tolerations = options.tolerations ? resolve(options.tolerations, environment) : undefined;
    if (required) checkConditions(required, "requireNodes", ["requireNodes"], origin);
    preferred?.forEach((p, i) => {
      if (!Number.isInteger(p.weight) || p.weight < 1 || p.weight > 100) report.error("TKC2240", `preferNodes[${i}] has weight ${p.weight}`, atProperty(origin, ["preferNodes", i, "weight"]), { hint: "use a weight from 1 to 100" });
      checkConditions(p.match, `preferNodes[${i}].match`, ["preferNodes", i, "match"], origin);
    });
    tolerations?.forEach((t, i) => checkToleration(t, i, origin));
    const nodeAffinity = compact({
      requiredDuringSchedulingIgnoredDuringExecution: required && required.length > 0 ? { nodeSelectorTerms: [{ matchExpressions: [...required] }] } : undefined,
      preferredDuringSchedulingIgnoredDuringExecution: preferred && preferred.length > 0 ? preferred.map((p) => ({ weight: p.weight, preference: { matchExpressions: [...p.match] } })) : undefined,
    });
    build.pod = compact({
      ...build.pod,
      nodeSelector: nodeSelector && Object.keys(nodeSelector).length > 0 ? { ...build.pod.nodeSelector, ...nodeSelector } : build.pod.nodeSelector,
      affinity: Object.keys(nodeAffinity).length > 0 ? { ...build.pod.affinity, nodeAffinity } : build.pod.affinity,
      tolerations: tolerations && tolerations.length > 0 ? [...(build.pod.tolerations ?? []), ...tolerations] : build.pod.tolerations,
    });
  },
});
