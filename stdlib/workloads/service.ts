import type { ServiceSpec } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component } from "../core/component.js";
import { resolveDeep, type PerEnvironmentDeep } from "../core/per-environment.js";
import { fail } from "../core/errors.js";
import { mergeOverride } from "../core/merge.js";
import { captureOrigin } from "../core/origin.js";
import { checkCall } from "../core/report.js";
import { deploymentDraft, type DeploymentOptions } from "./deployment.js";
import { checkWorkloadOptions, portsOf, serviceFields, serviceMetadata } from "./pod.js";
import { serviceFor } from "./service-object.js";

export interface ServiceOptions extends DeploymentOptions {
  /** Typed override of the generated Service spec (type, sessionAffinity, ...). */
  readonly service?: PerEnvironmentDeep<Partial<ServiceSpec>>;
}

/** A long-running, network-facing workload: a Deployment and a Service in front of it. */
export function service(options: ServiceOptions): Component {
  const origin = captureOrigin();
  const usable = checkCall(origin, options, () => {
    checkWorkloadOptions(options, origin);
    if (portsOf(options, origin).length === 0) {
      fail("TKC2104", `service '${options.name}' has no port, so its Service would route nowhere`, origin, "add port: { name: \"http\", containerPort: 8080 }, or use worker() for a workload without a Service");
    }
  });
  if (!usable) return rejectedComponent("service", options?.name, origin);
  return defineComponent({
    type: "service",
    name: options.name,
    origin,
    expand(context) {
      const { build, draft } = deploymentDraft("service", options, context, origin);
      const svc = serviceFor(build, portsOf(options, origin), serviceMetadata(options, build), origin, {
        spec: mergeOverride(build.serviceSpec, resolveDeep(options.service, context.environment)) as Partial<ServiceSpec>,
      });
      return [draft, { ...svc, fields: serviceFields(options, build) }, ...build.extraObjects];
    },
  });
}
