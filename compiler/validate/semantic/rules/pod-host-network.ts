import { isIP } from "node:net";
import type { JsonPath } from "../../../model/path.js";
import { containersOf, type PodTemplate } from "../object-index.js";
import { asArray, asRecord, asString, isInteger, show } from "../guards.js";
import { relatedAt } from "../report.js";
import type { Reporter } from "../report.js";
import { dns1123SubdomainProblem } from "../../../../syntax/index.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
/** Sysctls of the IPC namespace (pkg/apis/core/validation: isIPCSysctl). */
const IPC_SYSCTL = /^(kernel\.shm|kernel\.msg|kernel\.sem$|fs\.mqueue\.)/;
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

/**
 * TKC3234-3239, TKC3257: host ports, host networking and namespaces, sysctls, DNS settings and
 * host aliases of a pod.
 */
export const podHostNetwork: SemanticRule = {
  name: "pod-host-network",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    checkHostNamespaces(template, report);
    checkHostPorts(template, target, report);
    checkSysctls(template, report);
    checkDns(template, report);
    checkHostAliases(template, report);
  },
};

/**
 * Mirrors validateHostUsers (a user namespace excludes the host's network, PID and IPC
 * namespaces) and the ShareProcessNamespace check of validatePodSpecSecurityContext.
 */
function checkHostNamespaces(template: PodTemplate, report: Reporter): void {
  const spec = template.spec;
  if (spec.hostUsers === false) {
    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
      if (spec[field] === true) report.error("TKC3257", [...template.specPath, field], `${field} may not be true when hostUsers is false: a pod in its own user namespace cannot share the host's namespaces`, `set ${field}: false, or remove hostUsers: false`);
    }
  }
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    report.error("TKC3257", [...template.specPath, "shareProcessNamespace"], "shareProcessNamespace and hostPID may not both be true", "drop one: with hostPID the pod already sees every process of the node");
  }
}

/**
 * Mirrors checkHostPortConflicts / AccumulateUniqueHostPorts (one protocol/hostIP/hostPort per
 * pod) and validateHostNetwork (under hostNetwork a hostPort must equal its containerPort) in
 * pkg/apis/core/validation/validation.go.
 */
function checkHostPorts(template: PodTemplate, target: Parameters<SemanticRule["check"]>[0], report: Reporter): void {
  const seen = new Map<string, JsonPath>();
  for (const ref of containersOf(template)) {
    if (ref.list === "ephemeralContainers") continue;
    asArray(ref.container.ports).forEach((entry, i) => {
      const port = asRecord(entry);
      if (!port || !isInteger(port.hostPort) || port.hostPort === 0) return;
      const path = [...ref.path, "ports", i, "hostPort"];
      if (template.spec.hostNetwork === true && isInteger(port.containerPort) && port.hostPort !== port.containerPort) {
        report.error("TKC3235", path, `hostPort ${port.hostPort} of container ${show(ref.container.name)} differs from its containerPort ${port.containerPort}; with hostNetwork the two must match`, `set hostPort to ${port.containerPort} or remove it (it defaults to the containerPort)`);
      }
      if (ref.list !== "containers") return;
      const protocol = asString(port.protocol) ?? "TCP";
      const key = `${protocol}/${asString(port.hostIP) ?? ""}/${port.hostPort}`;
      const first = seen.get(key);
      if (first) report.error("TKC3234", path, `hostPort ${port.hostPort}/${protocol} is used twice in the same pod`, "give each container port its own hostPort, or drop one of them", [relatedAt(target, first, "the first use of this host port is here")]);
      else seen.set(key, path);
    });
  }
}

/**
 * Mirrors validateSysctls: names are sysctl names, each once, and no network (IPC) sysctls when
 * the pod shares the host's network (IPC) namespace.
 */
function checkSysctls(template: PodTemplate, report: Reporter): void {
  const seen = new Set<string>();
  const base = [...template.specPath, "securityContext", "sysctls"];
  asArray(asRecord(template.spec.securityContext)?.sysctls).forEach((entry, i) => {
    const name = asString(asRecord(entry)?.name);
    if (name === undefined) return;
    const path = [...base, i, "name"];
    if (name.length > 253 || !SYSCTL_NAME.test(name.replaceAll("/", "."))) {
      report.error("TKC3236", path, `sysctl name ${show(name)} is not a valid sysctl name`, "use dotted lowercase names such as \"net.ipv4.tcp_syncookies\"");
    } else if (seen.has(name)) {
      report.error("TKC3236", path, `sysctl ${show(name)} is set twice`, "set each sysctl once");
    } else if (template.spec.hostNetwork === true && name.startsWith("net.")) {
      report.error("TKC3236", path, `sysctl ${show(name)} may not be set when hostNetwork is true: it would change the node's own network settings`, "remove the sysctl, or run the pod without hostNetwork");
    } else if (template.spec.hostIPC === true && IPC_SYSCTL.test(name)) {
      report.error("TKC3236", path, `sysctl ${show(name)} may not be set when hostIPC is true`, "remove the sysctl, or run the pod without hostIPC");
    }
    seen.add(name);
  });
}

/** Mirrors validateDNSPolicy and validatePodDNSConfig. */
function checkDns(template: PodTemplate, report: Reporter): void {
  const base = [...template.specPath, "dnsConfig"];
  const config = asRecord(template.spec.dnsConfig);
  const nameservers = asArray(config?.nameservers);
  if (template.spec.dnsPolicy === "None") {
    if (!config) {
      report.error("TKC3237", [...template.specPath, "dnsPolicy"], "dnsPolicy None needs a dnsConfig: the pod would have no DNS settings at all", "add dnsConfig with at least one nameserver, or use dnsPolicy ClusterFirst");
    } else if (nameservers.length === 0) {
      report.error("TKC3237", [...base, "nameservers"], "dnsPolicy None needs at least one nameserver in dnsConfig", "add a nameserver IP to dnsConfig.nameservers");
    }
  }
  if (!config) return;
  if (nameservers.length > MAX_NAMESERVERS) {
    report.error("TKC3238", [...base, "nameservers"], `dnsConfig has ${nameservers.length} nameservers; at most ${MAX_NAMESERVERS} are allowed`, `keep at most ${MAX_NAMESERVERS} nameservers`);
  }
  nameservers.forEach((server, i) => {
    if (typeof server === "string" && isIP(server) === 0) report.error("TKC3238", [...base, "nameservers", i], `nameserver ${show(server)} is not an IP address`, "nameservers are IPv4 or IPv6 addresses, not host names");
  });
  const searches = asArray(config.searches).filter((s): s is string => typeof s === "string");
  if (searches.length > MAX_SEARCH_PATHS) {
    report.error("TKC3238", [...base, "searches"], `dnsConfig has ${searches.length} search domains; at most ${MAX_SEARCH_PATHS} are allowed`, `keep at most ${MAX_SEARCH_PATHS} search domains`);
  }
  const chars = searches.join(" ").length;
  if (chars > MAX_SEARCH_CHARS) {
    report.error("TKC3238", [...base, "searches"], `the search list has ${chars} characters; at most ${MAX_SEARCH_CHARS} are allowed (spaces included)`, "shorten or remove search domains");
  }
  asArray(config.searches).forEach((search, i) => {
    if (typeof search !== "string" || search === ".") return;
    const problem = dns1123SubdomainProblem(search.replace(/\.$/, ""));
    if (problem) report.error("TKC3238", [...base, "searches", i], `search domain ${show(search)} is not a valid DNS name: it ${problem}`, "use a lowercase DNS name such as \"svc.cluster.local\"");
  });
  asArray(config.options).forEach((option, i) => {
    const record = asRecord(option);
    if (record && (typeof record.name !== "string" || record.name === "")) report.error("TKC3238", [...base, "options", i, "name"], "a dnsConfig option has no name", "give the option a name such as \"ndots\"");
  });
}

/** Mirrors validateHostAliases: an IP address and DNS names. */
function checkHostAliases(template: PodTemplate, report: Reporter): void {
  asArray(template.spec.hostAliases).forEach((entry, i) => {
    const alias = asRecord(entry);
    if (!alias) return;
    const path = [...template.specPath, "hostAliases", i];
    if (typeof alias.ip === "string" && isIP(alias.ip) === 0) report.error("TKC3239", [...path, "ip"], `host alias ip ${show(alias.ip)} is not an IP address`, "use an IPv4 or IPv6 address");
    asArray(alias.hostnames).forEach((host, j) => {
      if (typeof host !== "string") return;
      const problem = dns1123SubdomainProblem(host);
      if (problem) report.error("TKC3239", [...path, "hostnames", j], `host alias name ${show(host)} is not a valid DNS name: it ${problem}`, "use lowercase DNS names such as \"db.local\"");
    });
  });
}
