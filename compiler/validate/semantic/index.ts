import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.js";
import type { SourcedObject } from "../../model/object.js";
import { indexObjects } from "./object-index.js";
import { compareFindings, type Finding, reporterFor } from "./report.js";
import { withServerDefaults } from "./server-defaults.js";
import { autoscaler } from "./rules/autoscaler.js";
import { configData } from "./rules/config-data.js";
import { cronJobs } from "./rules/cron-jobs.js";
import { disruptionBudget } from "./rules/disruption-budget.js";
import { duplicateObjects } from "./rules/duplicate-objects.js";
import { ingressRules } from "./rules/ingress.js";
import { jobs } from "./rules/jobs.js";
import { labelsAndAnnotations } from "./rules/labels-annotations.js";
import { networkPolicy } from "./rules/network-policy.js";
import { objectNames } from "./rules/object-names.js";
import { podContainers } from "./rules/pod-containers.js";
import { podEnv } from "./rules/pod-env.js";
import { podProbes } from "./rules/pod-probes.js";
import { podResources } from "./rules/pod-resources.js";
import { podRestartPolicy } from "./rules/pod-restart-policy.js";
import { podVolumes } from "./rules/pod-volumes.js";
import { podVolumeSources } from "./rules/pod-volume-sources.js";
import { podHostNetwork } from "./rules/pod-host-network.js";
import { podLifecycle } from "./rules/pod-lifecycle.js";
import { podFieldRefs } from "./rules/pod-field-refs.js";
import { podExtendedResources } from "./rules/pod-extended-resources.js";
import { podScheduling } from "./rules/pod-scheduling.js";
import { podSecurityContext } from "./rules/pod-security-context.js";
import { podImages } from "./rules/pod-images.js";
import { rolloutStrategy } from "./rules/rollout-strategy.js";
import { kindKey, type SemanticRule } from "./rules/rule.js";
import { serviceSpec } from "./rules/service-spec.js";
import { serviceTargets } from "./rules/service-targets.js";
import { statefulSets } from "./rules/stateful-sets.js";
import { workloadSelectors } from "./rules/workload-selectors.js";
import { networkPolicyTargets } from "./rules/network-policy-targets.js";
import { disruptionDrain } from "./rules/disruption-drain.js";
import { serviceFields } from "./rules/service-fields.js";
import { networkingFields } from "./rules/networking-fields.js";
import { storage } from "./rules/storage.js";
import { quotaObjects } from "./rules/quota-objects.js";
import { objectMetadata } from "./rules/object-metadata.js";
import { rbac } from "./rules/rbac.js";
import { clusterObjects } from "./rules/cluster-objects.js";
import { autoscalerBehavior } from "./rules/autoscaler-behavior.js";
import { workloadLimits } from "./rules/workload-limits.js";
import { jobPolicies } from "./rules/job-policies.js";
import { customResourceDefinitions } from "./rules/custom-resource-definitions.js";

export type { SemanticRule } from "./rules/rule.js";

/** Every rule family, grouped as the code ranges are (see README.md). */
export const SEMANTIC_RULES: readonly SemanticRule[] = [
  objectNames,
  labelsAndAnnotations,
  duplicateObjects,
  objectMetadata,
  podContainers,
  podProbes,
  podResources,
  podEnv,
  podVolumes,
  podRestartPolicy,
  podVolumeSources,
  podHostNetwork,
  podLifecycle,
  podFieldRefs,
  podExtendedResources,
  podScheduling,
  podSecurityContext,
  podImages,
  serviceSpec,
  serviceTargets,
  ingressRules,
  networkPolicy,
  serviceFields,
  networkingFields,
  networkPolicyTargets,
  workloadSelectors,
  rolloutStrategy,
  statefulSets,
  workloadLimits,
  autoscaler,
  autoscalerBehavior,
  disruptionBudget,
  disruptionDrain,
  configData,
  clusterObjects,
  storage,
  quotaObjects,
  rbac,
  cronJobs,
  jobs,
  jobPolicies,
  customResourceDefinitions,
];

/**
 * Checks that the API server (or the controllers behind it) would reject or silently misread,
 * run after schema validation on copies defaulted as the server defaults them (server-defaults.ts).
 * Diagnostics come ordered by object, then by path.
 */
export interface SemanticOptions {
  /** Severity of policy findings (`Reporter.policy`): "error" (default, `tkc build`) or "warning". */
  readonly policy?: Severity;
}

export function validateSemantics(objects: readonly SourcedObject[], rules: readonly SemanticRule[] = SEMANTIC_RULES, options: SemanticOptions = {}): Diagnostic[] {
  // Rules judge each object as the API server does: after its defaulting, on a copy.
  const bundle = indexObjects(objects, withServerDefaults);
  const findings: Finding[] = [];
  // The rules for each kind, in registry order, so findings at one path keep the order rules are listed in.
  const forKind = new Map<string, readonly SemanticRule[]>();
  for (const target of bundle.objects) {
    const key = kindKey(target.group, target.kind);
    let applicable = forKind.get(key);
    if (!applicable) {
      applicable = rules.filter((rule) => rule.kinds === undefined || rule.kinds.includes(key));
      forKind.set(key, applicable);
    }
    const report = reporterFor(target, findings, options.policy);
    for (const rule of applicable) rule.check(target, bundle, report);
  }
  // Array.prototype.sort is stable, so equal keys keep the order rules reported them in.
  return findings.sort(compareFindings).map((f) => f.diagnostic);
}
