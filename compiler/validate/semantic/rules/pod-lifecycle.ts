import { containersOf } from "../object-index.js";
import { asArray, asRecord, isInteger, show } from "../guards.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HOOK_HANDLERS = ["exec", "httpGet", "tcpSocket", "sleep"] as const;

/**
 * TKC3240-3242, TKC3256, TKC3258: where ephemeral containers, probes and lifecycle hooks may be
 * set, hook handlers, and sleep hooks against the grace
 * period the pod gets (30 s when unset: SetDefaults_PodSpec).
 */
export const podLifecycle: SemanticRule = {
  name: "pod-lifecycle",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    // Mirrors ValidatePodCreate and ValidatePodTemplateSpec: ephemeral containers are added to a
    // running pod through its ephemeralcontainers subresource (kubectl debug), never on create.
    if (asArray(template.spec.ephemeralContainers).length > 0) {
      const where = target.kind === "Pod" ? "a Pod on create" : "a pod template";
      report.error("TKC3256", [...template.specPath, "ephemeralContainers"], `ephemeralContainers may not be set in ${where}`, "remove them; add debugging containers to a running pod with kubectl debug");
    }
    const rawGrace = template.spec.terminationGracePeriodSeconds;
    // A negative grace period only draws a warning and is stored as 1 (pkg/api/pod/warnings.go).
    const grace = isInteger(rawGrace) ? Math.max(rawGrace, 1) : undefined;
    for (const ref of containersOf(template)) {
      if (ref.list === "ephemeralContainers") continue;
      const name = show(ref.container.name);
      // Mirrors validateInitContainers: only sidecars (restartPolicy Always) may have probes and hooks.
      if (ref.list === "initContainers" && ref.container.restartPolicy !== "Always") {
        for (const field of [...PROBES, "lifecycle"]) {
          if (ref.container[field] === undefined || ref.container[field] === null) continue;
          report.error("TKC3240", [...ref.path, field], `init container ${name} sets ${field}, which only sidecar init containers (restartPolicy: Always) may have`, `remove ${field}, or make the init container a sidecar with restartPolicy: Always`);
        }
        continue;
      }
      // Mirrors validateReadinessProbe: a readiness failure never kills, so it has no grace period.
      const readiness = asRecord(ref.container.readinessProbe);
      if (readiness && readiness.terminationGracePeriodSeconds !== undefined && readiness.terminationGracePeriodSeconds !== null) {
        report.error("TKC3241", [...ref.path, "readinessProbe", "terminationGracePeriodSeconds"], `readinessProbe of container ${name} sets terminationGracePeriodSeconds, which only liveness and startup probes may set`, "remove it: a failing readiness probe never restarts the container");
      }
      // Mirrors validateLifecycle / validateLifecycleHandler: each hook has exactly one handler.
      for (const hook of ["preStop", "postStart"]) {
        const handler = asRecord(asRecord(ref.container.lifecycle)?.[hook]);
        if (!handler) continue;
        const kinds = HOOK_HANDLERS.filter((h) => handler[h] !== undefined && handler[h] !== null);
        if (kinds.length !== 1) {
          report.error("TKC3258", [...ref.path, "lifecycle", hook], `${hook} hook of container ${name} has ${kinds.length === 0 ? "no handler" : `${kinds.length} handlers (${kinds.join(", ")})`}; exactly one is required`, "use exactly one of exec, httpGet, tcpSocket or sleep");
        }
      }
      // Mirrors validateSleepAction.
      for (const hook of ["preStop", "postStart"]) {
        const seconds = asRecord(asRecord(asRecord(ref.container.lifecycle)?.[hook])?.sleep)?.seconds;
        if (!isInteger(seconds)) continue;
        const path = [...ref.path, "lifecycle", hook, "sleep", "seconds"];
        if (seconds < 0) {
          report.error("TKC3242", path, `${hook} sleep of container ${name} is ${seconds} seconds; it must not be negative`, "use 0 or more seconds");
        } else if (grace !== undefined && seconds > grace) {
          const source = hasGrace(target.sourced.object, template.specPath) ? "terminationGracePeriodSeconds" : "the default terminationGracePeriodSeconds";
          report.error("TKC3242", path, `${hook} sleep of container ${name} is ${seconds} seconds, longer than ${source} ${grace}`, `raise spec.terminationGracePeriodSeconds to at least ${seconds}, or shorten the sleep`);
        }
      }
    }
  },
};

/** Whether the object as written (before defaulting) sets the pod's grace period. */
function hasGrace(object: unknown, specPath: readonly (string | number)[]): boolean {
  let node: unknown = object;
  for (const key of specPath) node = asRecord(node)?.[key as string];
  const value = asRecord(node)?.terminationGracePeriodSeconds;
  return value !== undefined && value !== null;
}
