import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.js";
import type { SourcedObject } from "../../model/object.js";
import { indexBundle } from "./bundle.js";
import { compareFindings, type Finding, reporterFor } from "./report.js";
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
import { podTolerations } from "./rules/pod-tolerations.js";
import { podVolumes } from "./rules/pod-volumes.js";
import { rolloutStrategy } from "./rules/rollout-strategy.js";
import type { SemanticRule } from "./rules/rule.js";
import { serviceSpec } from "./rules/service-spec.js";
import { serviceTargets } from "./rules/service-targets.js";
import { statefulSets } from "./rules/stateful-sets.js";
import { workloadSelectors } from "./rules/workload-selectors.js";

export type { SemanticRule } from "./rules/rule.js";

/** Every rule family, grouped as the code ranges are (see README.md). */
export const SEMANTIC_RULES: readonly SemanticRule[] = [
  objectNames,
  labelsAndAnnotations,
  duplicateObjects,
  podContainers,
  podProbes,
  podResources,
  podEnv,
  podVolumes,
  podRestartPolicy,
  podTolerations,
  serviceSpec,
  serviceTargets,
  ingressRules,
  networkPolicy,
  workloadSelectors,
  rolloutStrategy,
  statefulSets,
  autoscaler,
  disruptionBudget,
  configData,
  cronJobs,
  jobs,
];

/**
 * Checks that the API server (or the controllers behind it) would reject or silently misread,
 * run after schema validation. Diagnostics come ordered by object, then by path.
 */
export interface SemanticOptions {
  /** Severity of policy findings (`Reporter.policy`): "error" (default, `tkc build`) or "warning". */
  readonly policy?: Severity;
}

export function validateSemantics(objects: readonly SourcedObject[], rules: readonly SemanticRule[] = SEMANTIC_RULES, options: SemanticOptions = {}): Diagnostic[] {
  const bundle = indexBundle(objects);
  const findings: Finding[] = [];
  for (const target of bundle.objects) {
    const report = reporterFor(target, findings, options.policy);
    for (const rule of rules) rule.check(target, bundle, report);
  }
  // Array.prototype.sort is stable, so equal keys keep the order rules reported them in.
  return findings.sort(compareFindings).map((f) => f.diagnostic);
}
