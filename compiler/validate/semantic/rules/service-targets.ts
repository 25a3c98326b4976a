import { type IndexedObject, containersOf } from "../object-index.js";
import { asArray, asRecord, show, stringMap } from "../guards.js";
import { relatedAt } from "../report.js";
import { mapSelectorScore } from "../selectors.js";
import type { SemanticRule } from "./rule.js";

interface DeclaredPort {
  readonly name?: string;
  readonly number?: number;
  readonly protocol: string;
}

function declaredPorts(workload: IndexedObject): DeclaredPort[] {
  if (!workload.podTemplate) return [];
  return containersOf(workload.podTemplate)
    .filter((ref) => ref.list === "containers" || ref.container.restartPolicy === "Always")
    .flatMap((ref) => asArray(ref.container.ports).map((p) => asRecord(p) ?? {}))
    .map((p) => ({
      ...(typeof p.name === "string" ? { name: p.name } : {}),
      ...(typeof p.containerPort === "number" ? { number: p.containerPort } : {}),
      protocol: typeof p.protocol === "string" ? p.protocol : "TCP",
    }));
}

/**
 * TKC3301-3303: a Service selects pods of a workload in the bundle, and its target ports exist there.
 * No match is only a warning: the pods may come from outside the bundle (another release, an operator).
 */
export const serviceTargets: SemanticRule = {
  name: "service-targets",
  kinds: ["Service"],
  check(target, bundle, report) {
    if (target.group !== "" || target.kind !== "Service") return;
    const spec = asRecord(target.object.spec) ?? {};
    const selector = stringMap(spec.selector);
    if (spec.type === "ExternalName" || Object.keys(selector).length === 0) return;
    const selected = bundle.workloadsWithLabels(target.namespace, selector);
    const selectorText = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",");
    if (selected.length === 0) {
      const candidates = bundle.workloadsIn(target.namespace);
      const closest = [...candidates].sort((a, b) => mapSelectorScore(selector, b.podTemplate!.labels) - mapSelectorScore(selector, a.podTemplate!.labels))[0];
      const closestText = closest ? `; the closest is ${closest.kind} ${show(closest.name)} with labels ${show(closest.podTemplate!.labels)}` : "";
      report.warning(
        "TKC3301",
        ["spec", "selector"],
        `Service selector ${selectorText} matches no pod template in the bundle${target.namespace ? ` in namespace ${show(target.namespace)}` : ""}${closestText}`,
        "make the selector match the workload's spec.template.metadata.labels, or ignore this if the pods are deployed elsewhere",
        closest ? [relatedAt(closest, closest.podTemplate!.labelsPath, `${closest.kind} ${show(closest.name)} pod labels are here`)] : [],
      );
      return;
    }
    asArray(spec.ports).forEach((entry, i) => {
      const port = asRecord(entry);
      if (!port) return;
      const targetPort = port.targetPort ?? port.port;
      const protocol = typeof port.protocol === "string" ? port.protocol : "TCP";
      const path = ["spec", "ports", i, port.targetPort === undefined ? "port" : "targetPort"];
      for (const workload of selected) {
        const ports = declaredPorts(workload).filter((p) => p.protocol === protocol);
        const workloadName = `${workload.kind} ${show(workload.name)}`;
        // Built only when reported: locating a field reads the user's source.
        const note = () => [relatedAt(workload, [...workload.podTemplate!.specPath, "containers"], `${workloadName} containers are here`)];
        if (typeof targetPort === "string" && !/^\d+$/.test(targetPort)) {
          if (!ports.some((p) => p.name === targetPort)) {
            const names = ports.map((p) => p.name).filter((n) => n !== undefined);
            report.policy("TKC3302", path, `targetPort ${show(targetPort)} is not a named ${protocol} container port of ${workloadName} (it names: ${names.length ? names.map((n) => show(n)).join(", ") : "none"})`, `name a container port ${show(targetPort)} in ${workloadName}, or use the port number`, note());
          }
        } else if (typeof targetPort === "number" && ports.length > 0 && !ports.some((p) => p.number === targetPort)) {
          // Declaring container ports is optional, so only flag a number when the pod declares others.
          report.warning("TKC3303", path, `targetPort ${targetPort} is not a declared ${protocol} container port of ${workloadName} (it declares: ${ports.map((p) => p.number).join(", ")})`, "check the port number, or declare the port on the container", note());
        }
      }
    });
  },
};
