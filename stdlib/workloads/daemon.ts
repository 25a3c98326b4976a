import type { AppsV1DaemonSet, AppsV1DaemonSetUpdateStrategy as DaemonSetUpdateStrategy } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component } from "../core/component.js";
import { resolveDeep, type PerEnvironmentDeep } from "../core/per-environment.js";
import { compact } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";
import { checkCall } from "../core/report.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";

export interface DaemonOptions extends WorkloadOptions {
  /** @default RollingUpdate with maxUnavailable 1 (the Kubernetes default) */
  readonly updateStrategy?: PerEnvironmentDeep<DaemonSetUpdateStrategy>;
}

/** One pod on every node (log collectors, node agents): a DaemonSet. */
export function daemon(options: DaemonOptions): Component {
  const origin = captureOrigin();
  if (!checkCall(origin, options, () => checkWorkloadOptions(options, origin))) return rejectedComponent("daemon", options?.name, origin);
  return defineComponent({
    type: "daemon",
    name: options.name,
    origin,
    expand(context) {
      const build = startBuild("daemon", options, context, origin);
      const template = finishBuild(build, options, context);
      const daemonSet: AppsV1DaemonSet = {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: workloadMetadata(options, build),
        spec: withPatternSpec(compact({
          updateStrategy: resolveDeep(options.updateStrategy, context.environment) as DaemonSetUpdateStrategy | undefined,
          selector: { matchLabels: { ...build.selector } },
          template,
        }), build),
      };
      const fields = workloadFields(["spec", "template"], [[["spec", "updateStrategy"], ["updateStrategy"]]], build);
      return [{ object: daemonSet, origin, fields }, ...build.extraObjects];
    },
  });
}
