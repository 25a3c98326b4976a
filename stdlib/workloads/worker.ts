import type { AppsV1Deployment, AppsV1DeploymentStrategy as DeploymentStrategy } from "tkc/k8s";
import { defineComponent, type Component } from "../core/component.js";
import { resolve, resolveDeep, type Env } from "../core/env.js";
import { compact } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";

export interface WorkerOptions extends WorkloadOptions {
  /** Pod replicas. @default 1 */
  readonly replicas?: Env<number>;
  /** Rollout strategy. @default the Kubernetes default (RollingUpdate 25%/25%) */
  readonly strategy?: Env<DeploymentStrategy>;
}

/** A long-running workload that serves no traffic (queue consumers, schedulers): a Deployment only. */
export function worker(options: WorkerOptions): Component {
  const origin = captureOrigin();
  checkWorkloadOptions(options, origin);
  return defineComponent({
    type: "worker",
    name: options.name,
    origin,
    expand(context) {
      const build = startBuild("worker", options, context, origin);
      const template = finishBuild(build, options, context);
      const deployment: AppsV1Deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: workloadMetadata(options, build),
        spec: withPatternSpec(compact({
          replicas: resolve(options.replicas ?? 1, context.env),
          strategy: options.strategy ? resolveDeep(resolve(options.strategy, context.env), context.env) : undefined,
          selector: { matchLabels: { ...build.selector } },
          template,
        }), build),
      };
      const fields = workloadFields(options, ["spec", "template"], [[["spec", "replicas"], ["replicas"]], [["spec", "strategy"], ["strategy"]]]);
      return [{ object: deployment, origin, fields }, ...build.extraObjects];
    },
  });
}
