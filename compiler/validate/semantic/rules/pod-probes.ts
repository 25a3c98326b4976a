import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import type { SemanticRule } from "./rule.js";

const HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"] as const;
const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
/** Fields the API documents with "minimum value is 1"; an explicit 0 is silently replaced by the default. */
const AT_LEAST_ONE: Readonly<Record<string, number>> = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

/** TKC3210-3212: probe handlers, named probe ports, probe timings. */
export const podProbes: SemanticRule = {
  name: "pod-probes",
  check(target, _bundle, report) {
    if (!target.podTemplate) return;
    for (const ref of containersOf(target.podTemplate)) {
      const portNames = new Set(asArray(ref.container.ports).map((p) => asRecord(p)?.name).filter((n): n is string => typeof n === "string"));
      for (const kind of PROBES) {
        const probe = asRecord(ref.container[kind]);
        if (probe) checkProbe(probe, kind, [...ref.path, kind], portNames, show(ref.container.name), report);
      }
    }
  },
};

function checkProbe(probe: Json, kind: (typeof PROBES)[number], path: JsonPath, portNames: ReadonlySet<string>, container: string, report: Reporter): void {
  const handlers = HANDLERS.filter((h) => probe[h] !== undefined && probe[h] !== null);
  if (handlers.length !== 1) {
    report.error(
      "TKC3211",
      path,
      handlers.length === 0 ? `${kind} of container ${container} has no handler` : `${kind} of container ${container} has ${handlers.length} handlers (${handlers.join(", ")}); exactly one is allowed`,
      "use exactly one of exec, httpGet, tcpSocket or grpc",
    );
  }
  for (const handler of ["httpGet", "tcpSocket"] as const) {
    const port = asRecord(probe[handler])?.port;
    const portPath = [...path, handler, "port"];
    if (typeof port === "string" && !/^\d+$/.test(port) && !portNames.has(port)) {
      report.policy("TKC3210", portPath, `${kind} of container ${container} uses port ${show(port)}, which the container does not declare`, `add a port named ${show(port)} to the container's ports, or use its number`);
    } else if (typeof port === "number" && (!isInteger(port) || port < 1 || port > 65535)) {
      report.error("TKC3209", portPath, `${kind} port ${show(port)} is not a port number between 1 and 65535`, "use a port number between 1 and 65535");
    }
  }
  const grpcPort = asRecord(probe.grpc)?.port;
  if (probe.grpc !== undefined && (!isInteger(grpcPort) || grpcPort < 1 || grpcPort > 65535)) {
    report.error("TKC3209", [...path, "grpc", "port"], `${kind} grpc port ${show(grpcPort)} must be a port number between 1 and 65535 (names are not allowed)`, "use the numeric port of the gRPC health service");
  }
  for (const field of ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold", "terminationGracePeriodSeconds"]) {
    const value = probe[field];
    if (value === undefined) continue;
    const at = [...path, field];
    if (!isInteger(value) || value < 0) {
      report.error("TKC3212", at, `${kind}.${field} is ${show(value)}; it must be a non-negative integer`, "use 0 or a positive whole number of seconds");
    } else if (field === "terminationGracePeriodSeconds" && value === 0) {
      report.error("TKC3212", at, `${kind}.terminationGracePeriodSeconds must be greater than 0`, "use a positive number of seconds, or leave it unset to use the pod's");
    } else if (value === 0 && field in AT_LEAST_ONE) {
      report.warning("TKC3212", at, `${kind}.${field} is 0; the API server replaces it with the default ${AT_LEAST_ONE[field]}`, `set it to at least 1, or leave it unset for the default ${AT_LEAST_ONE[field]}`);
    } else if (field === "successThreshold" && value !== 1 && kind !== "readinessProbe") {
      report.error("TKC3212", at, `${kind}.successThreshold is ${value}; it must be 1 for liveness and startup probes`, "set successThreshold to 1 or leave it unset");
    }
  }
}
