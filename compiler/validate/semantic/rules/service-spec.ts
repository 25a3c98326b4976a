import { asArray, asRecord, asString, isInteger, show, stringMap } from "../guards.js";
import { relatedAt } from "../report.js";
import { dns1123LabelProblem, dns1123SubdomainProblem, isPortNumber, portNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/**
 * TKC3304-3310: a Service's own fields (ports, clusterIP, ExternalName). The type (TKC3307) and
 * port protocols (TKC3306) are enums of the schema overlay (schemas/generator/enums.ts).
 */
export const serviceSpec: SemanticRule = {
  name: "service-spec",
  kinds: ["Service"],
  check(target, _bundle, report) {
    if (target.group !== "" || target.kind !== "Service") return;
    const spec = asRecord(target.object.spec) ?? {};
    const type = spec.type || "ClusterIP"; // "" is defaulted like an absent type
    const headless = spec.clusterIP === "None";
    if (headless && type !== "ClusterIP") {
      report.error("TKC3308", ["spec", "clusterIP"], `clusterIP None (headless) is not allowed for a ${String(type)} Service`, "headless Services must have type ClusterIP");
    }
    if (type === "ExternalName") {
      const externalName = asString(spec.externalName);
      if (!externalName) report.error("TKC3310", ["spec", "externalName"], "ExternalName Service has no spec.externalName", "set spec.externalName to the DNS name to alias, e.g. \"db.example.com\"");
      else {
        const problem = dns1123SubdomainProblem(externalName.replace(/\.$/, ""));
        if (problem) report.error("TKC3310", ["spec", "externalName"], `externalName ${show(externalName)} is not a valid DNS name: it ${problem}`, "use a lowercase DNS name such as \"db.example.com\"");
      }
      if (Object.keys(stringMap(spec.selector)).length > 0) {
        report.warning("TKC3310", ["spec", "selector"], "ExternalName Service has a selector, which Kubernetes ignores", "remove the selector; an ExternalName Service only aliases a DNS name");
      }
      if (typeof spec.clusterIP === "string" && spec.clusterIP !== "" && !headless) {
        report.error("TKC3310", ["spec", "clusterIP"], `ExternalName Service may not set clusterIP ${show(spec.clusterIP)}`, "remove spec.clusterIP");
      }
    }
    const ports = asArray(spec.ports);
    if (ports.length === 0 && !headless && type !== "ExternalName") {
      report.error("TKC3304", ["spec", "ports"], "Service has no ports", "add at least one port, or make the Service headless with clusterIP: None");
    }
    const names = new Map<string, number>();
    ports.forEach((entry, i) => {
      const port = asRecord(entry);
      if (!port) return;
      const path = ["spec", "ports", i];
      const name = asString(port.name);
      if (name === undefined || name === "") {
        if (ports.length > 1) report.error("TKC3304", [...path, "name"], `Service port #${i + 1} has no name; every port needs one when a Service has ${ports.length} ports`, "name each port, e.g. \"http\" and \"metrics\"");
      } else {
        const problem = dns1123LabelProblem(name);
        if (problem) report.error("TKC3304", [...path, "name"], `Service port name ${show(name)} is not a valid DNS-1123 label: it ${problem}`, "use a short lowercase name such as \"http\"");
        const first = names.get(name);
        if (first !== undefined) report.error("TKC3304", [...path, "name"], `Service port name ${show(name)} is used twice`, "give each port a distinct name", [relatedAt(target, ["spec", "ports", first, "name"], `the first port ${show(name)} is here`)]);
        else names.set(name, i);
      }
      if (!isPortNumber(port.port)) report.error("TKC3305", [...path, "port"], `Service port ${show(port.port)} is not a port number between 1 and 65535`, "use a port number between 1 and 65535");
      const targetPort = port.targetPort;
      if (typeof targetPort === "number" && !isPortNumber(targetPort)) {
        report.error("TKC3305", [...path, "targetPort"], `targetPort ${show(targetPort)} is not a port number between 1 and 65535`, "use a port number between 1 and 65535 or a container port name");
      } else if (typeof targetPort === "string") {
        const problem = /^\d+$/.test(targetPort) ? "is a number written as a string" : portNameProblem(targetPort);
        if (problem) report.error("TKC3305", [...path, "targetPort"], `targetPort ${show(targetPort)} is not a valid port name: it ${problem}`, "use a container port name such as \"http\", or a number without quotes");
      }
      const nodePort = port.nodePort;
      if (nodePort === undefined || nodePort === 0) return;
      if (type === "ClusterIP" || type === "ExternalName") {
        report.error("TKC3309", [...path, "nodePort"], `nodePort ${show(nodePort)} may not be set on a ${String(type)} Service`, "remove nodePort, or use type NodePort or LoadBalancer");
      } else if (!isInteger(nodePort) || nodePort < 1 || nodePort > 65535) {
        report.error("TKC3309", [...path, "nodePort"], `nodePort ${show(nodePort)} is not a port number`, "use a port in the node port range, by default 30000-32767");
      } else if (nodePort < 30000 || nodePort > 32767) {
        report.warning("TKC3309", [...path, "nodePort"], `nodePort ${nodePort} is outside the default node port range 30000-32767`, "use a port in 30000-32767, or leave nodePort unset to let Kubernetes choose");
      }
    });
  },
};
