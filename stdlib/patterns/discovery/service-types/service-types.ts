import type { ServicePort } from "tkc/k8s";
import { isPerEnv, resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type Pattern, type WorkloadBuild } from "../../../core/pattern.js";

export type ServiceType = "ClusterIP" | "Headless" | "NodePort" | "LoadBalancer";

export interface ExposeOptions {
  /**
   * How the workload's Service is reached: `ClusterIP` (inside the cluster, one virtual IP),
   * `Headless` (DNS returns the pod IPs; no virtual IP), `NodePort` (a port on every node),
   * `LoadBalancer` (a cloud load balancer). @default "ClusterIP"
   */
  readonly type: PerEnvironment<ServiceType>;
  /** NodePort/LoadBalancer: fixed node ports by Service port name, 30000-32767. @default allocated by the cluster */
  readonly nodePorts?: PerEnvironment<Readonly<Record<string, number>>>;
  /** LoadBalancer: client CIDRs allowed through (`loadBalancerSourceRanges`); `[]` for none. @default everyone */
  readonly sourceRanges?: PerEnvironment<readonly string[]>;
  /** LoadBalancer: implementation, e.g. `service.k8s.aws/nlb`. @default the cluster's default */
  readonly loadBalancerClass?: PerEnvironment<string>;
  /** NodePort/LoadBalancer: `Local` keeps client source IPs and skips the second hop. @default "Cluster" */
  readonly externalTrafficPolicy?: PerEnvironment<"Cluster" | "Local">;
  /** Annotations on the Service (cloud load balancer settings). */
  readonly annotations?: PerEnvironment<Readonly<Record<string, string>>>;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+\/(\d{1,3})$/;
const DEFAULT_NODE_PORT_RANGE = [30000, 32767] as const;

function isCidr(value: string): boolean {
  const v4 = IPV4_CIDR.exec(value);
  if (v4) return v4.slice(1, 5).every((octet) => Number(octet) <= 255) && Number(v4[5]) <= 32;
  const v6 = IPV6_CIDR.exec(value);
  return v6 !== null && value.includes(":") && Number(v6[1]) <= 128 && (value.match(/::/g) ?? []).length <= 1;
}

function checkSourceRanges(ranges: readonly string[], origin: SourceLocation | undefined): void {
  for (const [index, range] of ranges.entries()) {
    if (!isCidr(range)) report.error("TKC2402", `loadBalancer source range '${range}' is not a CIDR`, atProperty(origin, ["sourceRanges", index]), { hint: "write an address with a prefix length, e.g. \"203.0.113.0/24\" or \"10.0.0.1/32\"" });
  }
}

function checkNodePorts(nodePorts: Readonly<Record<string, number>>, origin: SourceLocation | undefined): void {
  const [low, high] = DEFAULT_NODE_PORT_RANGE;
  for (const [name, port] of Object.entries(nodePorts)) {
    if (!Number.isInteger(port) || port < low || port > high) {
      report.error("TKC2401", `nodePort ${port} for port '${name}' is outside the node port range ${low}-${high}`, atProperty(origin, ["nodePorts", name]), { hint: `pick a port in ${low}-${high} (the API server's --service-node-port-range), or leave it out to let the cluster allocate one` });
    }
  }
}

/** Options resolved for one environment; an empty list or map counts as not set. */
interface ResolvedExpose {
  readonly nodePorts?: Readonly<Record<string, number>>;
  readonly sourceRanges?: readonly string[];
  readonly loadBalancerClass?: string;
  readonly externalTrafficPolicy?: string;
}

function resolveOptions(options: ExposeOptions, environment: Parameters<typeof resolve>[1]): ResolvedExpose {
  const nodePorts = options.nodePorts === undefined ? undefined : resolve(options.nodePorts, environment);
  const sourceRanges = options.sourceRanges === undefined ? undefined : resolve(options.sourceRanges, environment);
  return {
    nodePorts: nodePorts && Object.keys(nodePorts).length > 0 ? nodePorts : undefined,
    sourceRanges: sourceRanges && sourceRanges.length > 0 ? sourceRanges : undefined,
    loadBalancerClass: options.loadBalancerClass === undefined ? undefined : resolve(options.loadBalancerClass, environment),
    externalTrafficPolicy: options.externalTrafficPolicy === undefined ? undefined : resolve(options.externalTrafficPolicy, environment),
  };
}

function checkOptionsFor(type: ServiceType, options: ResolvedExpose, origin: SourceLocation | undefined, environmentName?: string): void {
  const where = environmentName ? ` in environment '${environmentName}'` : "";
  const external = type === "NodePort" || type === "LoadBalancer";
  const misplaced: string[] = [];
  if (!external && options.nodePorts !== undefined) misplaced.push("nodePorts");
  if (!external && options.externalTrafficPolicy !== undefined) misplaced.push("externalTrafficPolicy");
  if (type !== "LoadBalancer" && options.sourceRanges !== undefined) misplaced.push("sourceRanges");
  if (type !== "LoadBalancer" && options.loadBalancerClass !== undefined) misplaced.push("loadBalancerClass");
  if (misplaced.length > 0) {
    // At the first of them (the message names them all).
    fail("TKC2403", `${misplaced.join(", ")} ${misplaced.length > 1 ? "have" : "has"} no effect on a ${type} Service${where}`, atProperty(origin, [misplaced[0]!]), external ? "sourceRanges and loadBalancerClass are for type LoadBalancer" : "use type NodePort or LoadBalancer, or drop these options (an empty list or map per environment means not set)");
  }
}

/** The Service ports with the chosen node ports, in the workload's port order. */
function portsWithNodePorts(build: WorkloadBuild, nodePorts: Readonly<Record<string, number>>, origin: SourceLocation | undefined): ServicePort[] {
  const names = build.ports.map((p) => p.name);
  for (const name of Object.keys(nodePorts)) {
    if (!names.includes(name)) report.error("TKC2404", `nodePorts names port '${name}', which workload '${build.name}' does not have (its ports: ${names.join(", ") || "none"})`, atProperty(origin, ["nodePorts", name]), { hint: "use the name of one of the workload's ports" });
  }
  return build.ports.map((p) => {
    const nodePort = nodePorts[p.name];
    return { name: p.name, port: p.servicePort ?? p.containerPort, targetPort: p.name, protocol: p.protocol ?? "TCP", ...(nodePort !== undefined ? { nodePort } : {}) };
  });
}

const exposePattern = definePattern<PerEnvironment<ExposeOptions>>({
  name: "expose",
  check(settings, origin) {
    if (isPerEnv(settings)) return;
    const options = settings as ExposeOptions;
    if (typeof options.type === "string") {
      if (!["ClusterIP", "Headless", "NodePort", "LoadBalancer"].includes(options.type)) {
        fail("TKC2403", `unknown Service type '${options.type}'`, atProperty(origin, ["type"]), "use ClusterIP, Headless, NodePort or LoadBalancer (ExternalName: use externalService())");
      }
    }
    const plain = [options.nodePorts, options.sourceRanges, options.loadBalancerClass, options.externalTrafficPolicy].every((v) => v === undefined || !isPerEnv(v));
    if (plain && typeof options.type === "string") checkOptionsFor(options.type, resolveOptions(options, CALL_TIME), origin);
    if (options.nodePorts !== undefined && !isPerEnv(options.nodePorts)) checkNodePorts(options.nodePorts as Record<string, number>, origin);
    if (options.sourceRanges !== undefined && !isPerEnv(options.sourceRanges)) checkSourceRanges(options.sourceRanges as readonly string[], origin);
  },
  apply(settings, build, context, origin) {
    const environment = context.environment;
    const options = resolve(settings, environment);
    const type = resolve(options.type, environment);
    const resolved = resolveOptions(options, environment);
    checkOptionsFor(type, resolved, origin, environment.name);
    if (build.type === "statefulService") {
      fail("TKC2405", `expose() cannot change the Service of statefulService '${build.name}': it is the headless governing Service that gives each replica its DNS name`, origin, "add a separate service-facing entry point (e.g. an ingress or a raw Service selecting the same pods) instead");
    }
    if (["worker", "daemon", "job", "cronJob"].includes(build.type)) {
      fail("TKC2405", `expose() applies to workloads with a Service, not to ${build.type} '${build.name}'`, origin, "use service() for a workload that serves requests, or remove this pattern");
    }
    if (type === "Headless") {
      build.serviceSpec.clusterIP = "None";
      return;
    }
    build.serviceSpec.type = type;
    if (resolved.nodePorts) {
      checkNodePorts(resolved.nodePorts, origin);
      build.serviceSpec.ports = portsWithNodePorts(build, resolved.nodePorts, origin);
    }
    if (resolved.externalTrafficPolicy) build.serviceSpec.externalTrafficPolicy = resolved.externalTrafficPolicy;
    if (resolved.sourceRanges) {
      checkSourceRanges(resolved.sourceRanges, origin);
      build.serviceSpec.loadBalancerSourceRanges = [...resolved.sourceRanges];
    }
    if (resolved.loadBalancerClass) build.serviceSpec.loadBalancerClass = resolved.loadBalancerClass;
    if (options.annotations) Object.assign(build.serviceAnnotations, resolve(options.annotations, environment));
  },
});

/** Resolving plain (non-perEnv) values needs no real environment. */
const CALL_TIME = { name: "", namespace: "", values: {} };

/**
 * Choose how the workload's Service is reached: ClusterIP, headless, NodePort or LoadBalancer.
 * Any option, or the whole settings object, may differ per environment:
 * `expose(perEnv({ dev: { type: "NodePort" }, prod: { type: "LoadBalancer", sourceRanges } }))`.
 * Applies to `service()` workloads (a statefulService's Service must stay headless).
 */
export function expose(options: PerEnvironment<ExposeOptions>): Pattern {
  return exposePattern(options);
}

/** A headless Service: DNS answers with the ready pods' IPs (clients pick, e.g. gRPC, peers). */
export function headless(): Pattern {
  return expose({ type: "Headless" });
}

/** A NodePort Service: reachable on every node at the given (or an allocated) port. */
export function nodePort(options: Omit<ExposeOptions, "type" | "sourceRanges" | "loadBalancerClass"> = {}): Pattern {
  return expose({ type: "NodePort", ...options });
}

/** A LoadBalancer Service: the cloud provisions an external load balancer. */
export function loadBalancer(options: Omit<ExposeOptions, "type"> = {}): Pattern {
  return expose({ type: "LoadBalancer", ...options });
}
