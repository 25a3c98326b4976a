import { asArray, asRecord, isInteger, show } from "../guards.js";
import { isPortNumber, portNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const POLICY_TYPES = ["Ingress", "Egress"];

/** TKC3317-3318: NetworkPolicy policyTypes and port ranges (port protocols, also TKC3318, are an enum of schemas/generator/enums.ts). */
export const networkPolicy: SemanticRule = {
  name: "network-policy",
  kinds: ["networking.k8s.io/NetworkPolicy"],
  check(target, _bundle, report) {
    if (target.group !== "networking.k8s.io" || target.kind !== "NetworkPolicy") return;
    const spec = asRecord(target.object.spec) ?? {};
    const seen = new Set<unknown>();
    asArray(spec.policyTypes).forEach((type, i) => {
      const path = ["spec", "policyTypes", i];
      if (!POLICY_TYPES.includes(type as string)) report.error("TKC3317", path, `policy type ${show(type)} is not Ingress or Egress`, "use Ingress and/or Egress (capitalized)");
      else if (seen.has(type)) report.error("TKC3317", path, `policy type ${show(type)} is listed twice`, "list each policy type once");
      seen.add(type);
    });
    for (const direction of ["ingress", "egress"] as const) {
      asArray(spec[direction]).forEach((entry, i) => {
        asArray(asRecord(entry)?.ports).forEach((p, j) => {
          const port = asRecord(p);
          if (!port) return;
          const path = ["spec", direction, i, "ports", j];
          const value = port.port;
          if (typeof value === "number" && !isPortNumber(value)) report.error("TKC3318", [...path, "port"], `port ${show(value)} is not between 1 and 65535`, "use a port number between 1 and 65535");
          if (typeof value === "string") {
            const problem = portNameProblem(value);
            if (problem) report.error("TKC3318", [...path, "port"], `port name ${show(value)} is not valid: it ${problem}`, "use a container port name such as \"http\" or a number");
          }
          const endPort = port.endPort;
          if (endPort === undefined) return;
          if (typeof value !== "number") report.error("TKC3318", [...path, "endPort"], `endPort ${show(endPort)} requires a numeric port`, "set port to the first number of the range");
          else if (!isInteger(endPort) || endPort < value || endPort > 65535) report.error("TKC3318", [...path, "endPort"], `endPort ${show(endPort)} must be between port ${value} and 65535`, "make endPort >= port");
        });
      });
    }
  },
};
