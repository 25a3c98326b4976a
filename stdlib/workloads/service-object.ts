import type { Service, ServiceSpec } from "tkc/k8s";
import type { ObjectDraft } from "../core/component.js";
import { compact, mergeOverride } from "../core/merge.js";
import type { SourceLocation } from "../core/origin.js";
import type { WorkloadBuild } from "../core/pattern.js";
import type { PortOption } from "./options.js";

/** The Service in front of a workload: one port per container port, targeting it by name. */
export function serviceFor(
  build: WorkloadBuild,
  ports: readonly PortOption[],
  metadata: Service["metadata"],
  origin: SourceLocation | undefined,
  overrides: { readonly headless?: boolean; readonly spec?: Partial<ServiceSpec> } = {},
): ObjectDraft {
  const spec: ServiceSpec = compact({
    clusterIP: overrides.headless ? "None" : undefined,
    selector: { ...build.selector },
    ports: ports.map((p) => ({ name: p.name, port: p.servicePort ?? p.containerPort, targetPort: p.name, protocol: p.protocol ?? "TCP" })),
  });
  const object: Service = { apiVersion: "v1", kind: "Service", metadata, spec: mergeOverride(spec, overrides.spec) };
  return { object, origin };
}
