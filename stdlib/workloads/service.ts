import type { AppsV1Deployment, AppsV1DeploymentStrategy as DeploymentStrategy, ServiceSpec } from "tkc/k8s";
import { defineComponent, type Component } from "../core/component.js";
import { resolve, resolveDeep, type Env, type EnvDeep } from "../core/env.js";
import { fail } from "../core/errors.js";
import { compact, mergeOverride } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";
import type { WorkloadOptions } from "./options.js";
import { checkWorkloadOptions, finishBuild, portsOf, serviceFields, serviceMetadata, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";
import { serviceFor } from "./service-object.js";

export interface ServiceOptions extends WorkloadOptions {
  /** Pod replicas. @default 1 */
  readonly replicas?: Env<number>;
  /** Rollout strategy. @default RollingUpdate with maxSurge 25%, maxUnavailable 25% (the Kubernetes default) */
  readonly strategy?: Env<DeploymentStrategy>;
  /** Typed override of the generated Service spec (type, sessionAffinity, ...). */
  readonly service?: EnvDeep<Partial<ServiceSpec>>;
}

/** A long-running, network-facing workload: a Deployment and a Service in front of it. */
export function service(options: ServiceOptions): Component {
  const origin = captureOrigin();
  checkWorkloadOptions(options, origin);
  if (portsOf(options, origin).length === 0) {
    fail("TKC2104", `service '${options.name}' has no port, so its Service would route nowhere`, origin, "add port: { name: \"http\", containerPort: 8080 }, or use worker() for a workload without a Service");
  }
  return defineComponent({
    type: "service",
    name: options.name,
    origin,
    expand(context) {
      const build = startBuild("service", options, context, origin);
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
      const svc = serviceFor(build, portsOf(options, origin), serviceMetadata(options, build), origin, {
        spec: mergeOverride(build.serviceSpec, resolveDeep(options.service, context.env)) as Partial<ServiceSpec>,
      });
      const fields = workloadFields(options, ["spec", "template"], [[["spec", "replicas"], ["replicas"]], [["spec", "strategy"], ["strategy"]]]);
      return [{ object: deployment, origin, fields }, { ...svc, fields: serviceFields(options) }, ...build.extraObjects];
    },
  });
}
