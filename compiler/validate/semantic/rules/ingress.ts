import type { JsonPath } from "../../../model/path.js";
import type { ObjectIndex, IndexedObject } from "../object-index.js";
import { asArray, asRecord, asString, show } from "../guards.js";
import { relatedAt, type Reporter } from "../report.js";
import { dns1123SubdomainProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const PATH_TYPES = ["Exact", "Prefix", "ImplementationSpecific"];
const BAD_SEGMENTS = ["//", "/./", "/../", "%2f", "%2F"];

/** TKC3311-3316, TKC3319: networking.k8s.io Ingress hosts, paths and backends. */
export const ingressRules: SemanticRule = {
  name: "ingress",
  kinds: ["networking.k8s.io/Ingress"],
  check(target, bundle, report) {
    if (target.group !== "networking.k8s.io" || target.kind !== "Ingress") return;
    const spec = asRecord(target.object.spec) ?? {};
    if (spec.defaultBackend !== undefined) checkBackend(spec.defaultBackend, ["spec", "defaultBackend"], target, bundle, report);
    const ruleHosts: string[] = [];
    asArray(spec.rules).forEach((entry, i) => {
      const rule = asRecord(entry);
      if (!rule) return;
      const host = asString(rule.host);
      if (host !== undefined && host !== "") {
        ruleHosts.push(host);
        checkHost(host, ["spec", "rules", i, "host"], report);
      }
      asArray(asRecord(rule.http)?.paths).forEach((p, j) => {
        const httpPath = asRecord(p);
        if (!httpPath) return;
        const path: JsonPath = ["spec", "rules", i, "http", "paths", j];
        checkPath(httpPath.pathType, httpPath.path, path, report);
        checkBackend(httpPath.backend, [...path, "backend"], target, bundle, report);
      });
    });
    asArray(spec.tls).forEach((entry, i) => {
      asArray(asRecord(entry)?.hosts).forEach((h, j) => {
        if (typeof h !== "string") return;
        const path = ["spec", "tls", i, "hosts", j];
        if (checkHost(h, path, report) && !ruleHosts.some((r) => hostCovers(h, r))) {
          report.warning("TKC3316", path, `TLS host ${show(h)} is not used by any rule (rule hosts: ${ruleHosts.map((r) => show(r)).join(", ") || "none"})`, "add a rule for this host or remove it from tls.hosts");
        }
      });
    });
  },
};

/** A TLS host covers a rule host when equal, or when a `*.` wildcard matches exactly one label. */
function hostCovers(tlsHost: string, ruleHost: string): boolean {
  if (tlsHost === ruleHost) return true;
  if (tlsHost.startsWith("*.")) return ruleHost.slice(ruleHost.indexOf(".") + 1) === tlsHost.slice(2) && !ruleHost.startsWith("*.");
  return false;
}

function checkHost(host: string, path: JsonPath, report: Reporter): boolean {
  const bare = host.startsWith("*.") ? host.slice(2) : host;
  let problem = bare.includes("*") ? "may use '*' only as a leading \"*.\" label" : dns1123SubdomainProblem(bare);
  if (!problem && /^\d+\.\d+\.\d+\.\d+$/.test(bare)) problem = "is an IP address, which Ingress hosts may not be";
  if (problem) report.error("TKC3315", path, `host ${show(host)} is not a valid DNS name: it ${problem}`, "use a lowercase DNS name such as \"shop.example.com\" or \"*.example.com\"");
  return problem === undefined;
}

function checkPath(pathType: unknown, value: unknown, path: JsonPath, report: Reporter): void {
  if (pathType === undefined) {
    report.error("TKC3313", [...path, "pathType"], "Ingress path has no pathType (required in networking.k8s.io/v1)", "set pathType to Prefix, Exact or ImplementationSpecific");
  } else if (!PATH_TYPES.includes(pathType as string)) {
    report.error("TKC3313", [...path, "pathType"], `pathType ${show(pathType)} is not one of ${PATH_TYPES.join(", ")}`, "use Prefix, Exact or ImplementationSpecific");
  }
  if (typeof value !== "string") {
    if (pathType === "Prefix" || pathType === "Exact") report.error("TKC3314", [...path, "path"], `a ${pathType} path needs a path starting with '/'`, "set path, e.g. \"/\"");
    return;
  }
  if (value !== "" && !value.startsWith("/")) {
    report.error("TKC3314", [...path, "path"], `path ${show(value)} must start with '/'`, `write it as ${show("/" + value)}`);
  } else if ((pathType === "Prefix" || pathType === "Exact") && (BAD_SEGMENTS.some((s) => value.includes(s)) || /\/\.\.?$/.test(value))) {
    report.error("TKC3314", [...path, "path"], `${pathType} path ${show(value)} may not contain '//', '/./', '/../' or '%2f', nor end in '/.' or '/..'`, "write a normalized path such as \"/api\"");
  }
}

function checkBackend(value: unknown, path: JsonPath, target: IndexedObject, bundle: ObjectIndex, report: Reporter): void {
  const backend = asRecord(value);
  if (!backend) return;
  const hasService = backend.service !== undefined;
  if (hasService === (backend.resource !== undefined)) {
    report.error("TKC3319", path, `Ingress backend must set exactly one of service or resource (it sets ${hasService ? "both" : "neither"})`, "set backend.service with a name and a port");
    return;
  }
  const service = asRecord(backend.service);
  if (!service) return;
  const port = asRecord(service.port) ?? {};
  const byName = asString(port.name);
  const byNumber = port.number;
  if ((byName !== undefined) === (byNumber !== undefined)) {
    report.error("TKC3319", [...path, "service", "port"], `Ingress backend port must set exactly one of name or number (it sets ${byName !== undefined ? "both" : "neither"})`, "set service.port.number (e.g. 80) or service.port.name (e.g. \"http\")");
    return;
  }
  const name = asString(service.name);
  if (name === undefined) return;
  const found = bundle.findNamed("", "Service", target.namespace, name);
  if (!found) {
    report.warning("TKC3311", [...path, "service", "name"], `backend Service ${show(name)} is not in the bundle${target.namespace ? ` in namespace ${show(target.namespace)}` : ""}`, "check the name, or ignore this if the Service is deployed elsewhere");
    return;
  }
  const servicePorts = asArray(asRecord(found.object.spec)?.ports).map((p) => asRecord(p) ?? {});
  const ok = byName !== undefined ? servicePorts.some((p) => p.name === byName) : servicePorts.some((p) => p.port === byNumber);
  if (!ok) {
    const offered = servicePorts.map((p) => (byName !== undefined ? show(p.name) : show(p.port))).join(", ") || "none";
    report.policy("TKC3312", [...path, "service", "port", byName !== undefined ? "name" : "number"], `Service ${show(name)} has no port ${show(byName ?? byNumber)} (its ports: ${offered})`, "use one of the Service's ports", [relatedAt(found, ["spec", "ports"], `Service ${show(name)} ports are here`)]);
  }
}
