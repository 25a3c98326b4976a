import { isIP } from "node:net";
import type { JsonPath } from "../../../model/path.js";
import { parseCidr } from "../cidr.js";
import { asArray, asRecord, asString, isInteger, show } from "../guards.js";
import { relatedAt } from "../report.js";
import type { SemanticRule } from "./rule.js";

const MAX_AFFINITY_SECONDS = 86400;

/**
 * TKC3330-3333, TKC3337: Service fields that depend on each other, and its IP addresses. Mirrors ValidateService and its
 * helpers in pkg/apis/core/validation/validation.go (duplicate ports, LoadBalancer-only fields,
 * validateServiceExternalTrafficPolicy, validateSessionAffinityConfig, validateServiceIPFamily).
 */
export const serviceFields: SemanticRule = {
  name: "service-fields",
  kinds: ["Service"],
  check(target, _bundle, report) {
    const spec = asRecord(target.object.spec) ?? {};
    const type = asString(spec.type) ?? "ClusterIP";
    const seen = new Map<string, JsonPath>();
    asArray(spec.ports).forEach((entry, i) => {
      const port = asRecord(entry);
      if (!port || !isInteger(port.port)) return;
      const protocol = asString(port.protocol) ?? "TCP";
      const key = `${port.port}/${protocol}`;
      const path = ["spec", "ports", i];
      const first = seen.get(key);
      if (first) report.error("TKC3330", [...path, "port"], `Service port ${key} is listed twice`, "list each port and protocol once; one port may carry TCP and UDP as two entries", [relatedAt(target, first, "the first one is here")]);
      else seen.set(key, [...path, "port"]);
    });
    // Fields that only a LoadBalancer (or an externally reachable Service) uses.
    if (type !== "LoadBalancer") {
      for (const field of ["allocateLoadBalancerNodePorts", "loadBalancerSourceRanges", "loadBalancerClass"]) {
        const value = spec[field];
        if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
        report.error("TKC3331", ["spec", field], `${field} may only be set on a LoadBalancer Service (this one is ${type})`, `remove ${field}, or set type: LoadBalancer`);
      }
    }
    asArray(spec.loadBalancerSourceRanges).forEach((range, i) => {
      if (typeof range === "string" && !parseCidr(range.trim())) report.error("TKC3331", ["spec", "loadBalancerSourceRanges", i], `loadBalancerSourceRanges entry ${show(range)} is not a CIDR`, "write ranges such as \"203.0.113.0/24\"");
    });
    const external = type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && asArray(spec.externalIPs).length > 0);
    const policy = spec.externalTrafficPolicy;
    if (!external && policy !== undefined && policy !== null && policy !== "") {
      report.error("TKC3331", ["spec", "externalTrafficPolicy"], `externalTrafficPolicy may only be set on a Service reachable from outside (NodePort, LoadBalancer, or with externalIPs); this one is ${type}`, "remove externalTrafficPolicy, or change the type");
    }
    const healthCheck = spec.healthCheckNodePort;
    if (healthCheck !== undefined && healthCheck !== null && healthCheck !== 0 && !(type === "LoadBalancer" && policy === "Local")) {
      report.error("TKC3331", ["spec", "healthCheckNodePort"], "healthCheckNodePort may only be set on a LoadBalancer Service with externalTrafficPolicy Local", "remove healthCheckNodePort, or use type LoadBalancer with externalTrafficPolicy: Local");
    }
    const affinity = asString(spec.sessionAffinity) ?? "None";
    const config = asRecord(spec.sessionAffinityConfig);
    if (affinity === "None" && spec.sessionAffinityConfig !== undefined && spec.sessionAffinityConfig !== null) {
      report.error("TKC3332", ["spec", "sessionAffinityConfig"], "sessionAffinityConfig may not be set when sessionAffinity is None", "set sessionAffinity: ClientIP, or remove sessionAffinityConfig");
    }
    const timeout = asRecord(config?.clientIP)?.timeoutSeconds;
    if (affinity === "ClientIP" && isInteger(timeout) && (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS)) {
      report.error("TKC3332", ["spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"], `session affinity timeout ${timeout} must be between 1 and ${MAX_AFFINITY_SECONDS} seconds`, "use a timeout of at most one day (the default is 10800)");
    }
    checkIpFamilies(spec, type, report);
    checkIps(spec, report);
  },
};

/** Mirrors validateServiceClusterIPsRelatedFields and the externalIPs checks of ValidateService. */
function checkIps(spec: Record<string, unknown>, report: Parameters<SemanticRule["check"]>[2]): void {
  const clusterIP = spec.clusterIP;
  if (typeof clusterIP === "string" && clusterIP !== "" && clusterIP !== "None" && isIP(clusterIP) === 0) {
    report.error("TKC3337", ["spec", "clusterIP"], `clusterIP ${show(clusterIP)} is not an IP address`, "leave clusterIP unset (Kubernetes picks one), or use None for a headless Service");
  }
  const clusterIPs = asArray(spec.clusterIPs);
  clusterIPs.forEach((ip, i) => {
    if (typeof ip === "string" && ip !== "None" && isIP(ip) === 0) report.error("TKC3337", ["spec", "clusterIPs", i], `clusterIPs entry ${show(ip)} is not an IP address`, "use IP addresses, or leave clusterIPs unset");
  });
  if (typeof clusterIP === "string" && clusterIP !== "" && clusterIPs.length > 0 && clusterIPs[0] !== clusterIP) {
    report.error("TKC3337", ["spec", "clusterIPs", 0], `clusterIPs[0] ${show(clusterIPs[0])} must equal clusterIP ${show(clusterIP)}`, "set only one of them, or make the first clusterIPs entry the clusterIP");
  }
  asArray(spec.externalIPs).forEach((ip, i) => {
    if (typeof ip === "string" && isIP(ip) === 0) report.error("TKC3337", ["spec", "externalIPs", i], `externalIPs entry ${show(ip)} is not an IP address`, "list IP addresses that route to a node");
  });
}

function checkIpFamilies(spec: Record<string, unknown>, type: string, report: Parameters<SemanticRule["check"]>[2]): void {
  const families = asArray(spec.ipFamilies);
  const policy = spec.ipFamilyPolicy;
  if (type === "ExternalName") {
    for (const field of ["ipFamilyPolicy", "ipFamilies"]) {
      const value = spec[field];
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) report.error("TKC3333", ["spec", field], `${field} may not be set on an ExternalName Service`, `remove ${field}`);
    }
    return;
  }
  if (families.length > 2) report.error("TKC3333", ["spec", "ipFamilies"], `ipFamilies lists ${families.length} families; at most 2 (IPv4 and IPv6) are allowed`, "list IPv4, IPv6, or both");
  families.forEach((family, i) => {
    if (families.indexOf(family) < i) report.error("TKC3333", ["spec", "ipFamilies", i], `IP family ${show(family)} is listed twice`, "list each family once");
  });
  if (policy === "SingleStack" && families.length > 1) {
    report.error("TKC3333", ["spec", "ipFamilyPolicy"], "ipFamilyPolicy SingleStack allows one IP family, but ipFamilies lists two", "use PreferDualStack or RequireDualStack, or list one family");
  }
  const clusterIPs = asArray(spec.clusterIPs).filter((ip) => ip !== "None");
  if (policy === "SingleStack" && clusterIPs.length > 1) {
    report.error("TKC3333", ["spec", "clusterIPs"], "ipFamilyPolicy SingleStack allows one cluster IP, but clusterIPs lists two", "use PreferDualStack or RequireDualStack, or list one IP");
  }
}
