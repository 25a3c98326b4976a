import { isDeepStrictEqual } from "node:util";
import { service, type ServiceOptions } from "../../stdlib/workloads/service.js";
import { expandContext } from "../../stdlib/core/component.js";
import type { KubeObject } from "../model/object.js";

type Json = Record<string, any>;

/** A Deployment and its Service that `service()` reproduces exactly, with the options that do it. */
export interface ServiceMapping {
  readonly deployment: KubeObject;
  readonly service: KubeObject;
  readonly options: Json;
}

const CONTAINER_OPTIONS: Record<string, string> = {
  command: "command",
  args: "args",
  resources: "resources",
  livenessProbe: "liveness",
  readinessProbe: "readiness",
  startupProbe: "startup",
};

/**
 * The service() options for a Deployment and a Service, if service() builds exactly these two
 * objects from them; else undefined (the objects stay raw()). The options are derived from the
 * objects, then verified by running the stdlib's own service() and comparing field by field, so a
 * default of service() (its selector labels, the restricted security context, `protocol: TCP`,
 * `replicas: 1`) can never slip in unnoticed: whatever differs keeps the objects raw().
 */
export function mapService(deployment: KubeObject, svc: KubeObject, release: string, namespace: string): ServiceMapping | undefined {
  const options = optionsFor(deployment, svc);
  if (!options) return undefined;
  let built: readonly { object: unknown }[];
  try {
    const component = service({ ...options, security: "none" } as ServiceOptions);
    built = component.expand(expandContext({ name: "import", namespace, values: {} }, { name: release, version: "0.0.0" }));
  } catch {
    return undefined; // an option service() refuses: stay raw()
  }
  const plain = built.map((draft) => JSON.parse(JSON.stringify(draft.object)) as unknown);
  if (plain.length !== 2 || !isDeepStrictEqual(plain[0], deployment) || !isDeepStrictEqual(plain[1], svc)) return undefined;
  return { deployment, service: svc, options: { ...options, security: "none" } };
}

function optionsFor(deployment: KubeObject, svc: KubeObject): Json | undefined {
  const spec = deployment.spec as Json | undefined;
  const pod = spec?.template?.spec as Json | undefined;
  const containers = pod?.containers as Json[] | undefined;
  const name = deployment.metadata?.name;
  if (!spec || !pod || !containers || containers.length !== 1 || containers[0]?.name !== name || svc.metadata?.name !== name) return undefined;
  // service() writes no other Deployment spec field, and no Service annotations
  if (Object.keys(spec).some((k) => !["replicas", "strategy", "selector", "template"].includes(k)) || svc.metadata?.annotations) return undefined;
  const { name: _name, image, ports, ...containerRest } = containers[0] as Json;
  if (typeof image !== "string") return undefined;
  const options: Json = { name, image };
  const portOptions = portOptionsFor((ports as Json[] | undefined) ?? [], ((svc.spec as Json | undefined)?.ports as Json[] | undefined) ?? []);
  if (!portOptions) return undefined;
  if (portOptions.length === 1) options.port = portOptions[0];
  else options.ports = portOptions;
  if (spec.replicas !== undefined) options.replicas = spec.replicas;
  if (spec.strategy !== undefined) options.strategy = spec.strategy;
  const labels = withoutSelector(deployment.metadata?.labels ?? {}, spec.selector?.matchLabels ?? {});
  if (Object.keys(labels).length > 0) options.labels = labels;
  if (deployment.metadata?.annotations) options.annotations = deployment.metadata.annotations;
  const podAnnotations = spec.template?.metadata?.annotations;
  if (podAnnotations) options.podAnnotations = podAnnotations;
  const container: Json = {};
  for (const [key, value] of Object.entries(containerRest)) {
    if (CONTAINER_OPTIONS[key]) options[CONTAINER_OPTIONS[key]] = value;
    else container[key] = value;
  }
  if (Object.keys(container).length > 0) options.container = container;
  const { containers: _containers, serviceAccountName, ...podRest } = pod;
  if (serviceAccountName !== undefined) options.serviceAccountName = serviceAccountName;
  if (Object.keys(podRest).length > 0) options.pod = podRest;
  const { selector: _selector, ports: _ports, ...serviceRest } = (svc.spec as Json | undefined) ?? {};
  if (Object.keys(serviceRest).length > 0) options.service = serviceRest;
  return options;
}

/** Port options from the container's ports and the Service's: each Service port targets a container port by its name. */
function portOptionsFor(containerPorts: readonly Json[], servicePorts: readonly Json[]): Json[] | undefined {
  if (containerPorts.length === 0 || containerPorts.length !== servicePorts.length) return undefined;
  const out: Json[] = [];
  for (const [i, port] of containerPorts.entries()) {
    const target = servicePorts[i]!;
    if (typeof port.name !== "string" || target.targetPort !== port.name || target.name !== port.name) return undefined;
    if (Object.keys(port).some((k) => !["name", "containerPort", "protocol"].includes(k))) return undefined;
    const option: Json = { name: port.name, containerPort: port.containerPort };
    if (port.protocol !== undefined && port.protocol !== "TCP") option.protocol = port.protocol;
    if (target.port !== port.containerPort) option.servicePort = target.port;
    out.push(option);
  }
  return out;
}

function withoutSelector(labels: Json, selector: Json): Json {
  return Object.fromEntries(Object.entries(labels).filter(([k, v]) => selector[k] !== v));
}
