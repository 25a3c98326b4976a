import { defineComponent, rejectedComponent, type Component } from "../core/component.js";
import { captureOrigin } from "../core/origin.js";
import { checkCall } from "../core/report.js";
import { deploymentDraft, type DeploymentOptions } from "./deployment.js";
import { checkWorkloadOptions } from "./pod.js";

export interface WorkerOptions extends DeploymentOptions {}

/** A long-running workload that serves no traffic (queue consumers, schedulers): a Deployment only. */
export function worker(options: WorkerOptions): Component {
  const origin = captureOrigin();
  if (!checkCall(origin, options, () => checkWorkloadOptions(options, origin))) return rejectedComponent("worker", options?.name, origin);
  return defineComponent({
    type: "worker",
    name: options.name,
    origin,
    expand(context) {
      const { build, draft } = deploymentDraft("worker", options, context, origin);
      return [draft, ...build.extraObjects];
    },
  });
}
