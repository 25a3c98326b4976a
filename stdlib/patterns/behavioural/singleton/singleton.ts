import { defineComponent, rejectedComponent, type Component } from "../../../core/component.js";
import { checkCall } from "../../../core/report.js";
import { captureOrigin } from "../../../core/origin.js";
import { deploymentDraft } from "../../../workloads/deployment.js";
import type { WorkloadOptions } from "../../../workloads/options.js";
import { checkWorkloadOptions } from "../../../workloads/pod.js";
import { statefulSetDrafts, type StorageOption } from "../../../workloads/stateful-service.js";

export interface SingletonOptions extends WorkloadOptions {
  /**
   * `true`: a StatefulSet of one, which never starts a replacement while the old pod may still
   * run (at most one instance, at the price of waiting out a lost node). `false`: a Deployment of
   * one with the Recreate strategy, which replaces faster but may briefly run two instances when a
   * pod is evicted or its node is lost. @default true
   */
  readonly strict?: boolean;
  /** A volume for the one instance (strict only). @default none */
  readonly storage?: readonly StorageOption[];
}

/**
 * A workload that must run as exactly one instance (a scheduler, a singleton consumer) without
 * coordinating itself. No PodDisruptionBudget: with one replica, minAvailable 1 or maxUnavailable 0
 * would block every node drain; the singleton is briefly down during drains instead.
 */
export function singleton(options: SingletonOptions): Component {
  const origin = captureOrigin();
  if (!checkCall(origin, options, () => checkWorkloadOptions(options, origin))) return rejectedComponent("singleton", options?.name, origin);
  const strict = options.strict ?? true;
  return defineComponent({
    type: "singleton",
    name: options.name,
    origin,
    expand(context) {
      if (strict) {
        const { build, drafts } = statefulSetDrafts("singleton", options, context, origin, { replicas: 1 });
        return [...drafts, ...build.extraObjects];
      }
      const { build, draft } = deploymentDraft("singleton", { ...options, replicas: 1, strategy: { type: "Recreate" } }, context, origin);
      return [draft, ...build.extraObjects];
    },
  });
}
