import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, asString, show } from "../guards.js";
import { relatedAt } from "../report.js";
import { dns1123LabelProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** TKC3410-3413: StatefulSet governing Service and volumeClaimTemplates (podManagementPolicy, TKC3412, is an enum of schemas/generator/enums.ts). */
export const statefulSets: SemanticRule = {
  name: "stateful-sets",
  kinds: ["apps/StatefulSet"],
  check(target, bundle, report) {
    if (target.group !== "apps" || target.kind !== "StatefulSet") return;
    const spec = asRecord(target.object.spec) ?? {};
    const serviceName = asString(spec.serviceName);
    if (serviceName) {
      const service = bundle.findNamed("", "Service", target.namespace, serviceName);
      if (!service) {
        report.warning("TKC3410", ["spec", "serviceName"], `serviceName ${show(serviceName)} names no Service in the bundle, so pods get no stable DNS names`, `add a headless Service ${show(serviceName)} (clusterIP: None) selecting the StatefulSet's pods`);
      } else if (asRecord(service.object.spec)?.clusterIP !== "None") {
        report.warning("TKC3410", ["spec", "serviceName"], `serviceName ${show(serviceName)} names a Service that is not headless, so pods get no per-pod DNS names`, "set clusterIP: None on that Service, or add a separate headless one", [relatedAt(service, ["spec"], `Service ${show(serviceName)} is here`)]);
      }
    }
    const template = target.podTemplate;
    const mounted = new Set(template ? containersOf(template).flatMap((ref) => asArray(ref.container.volumeMounts).map((m) => asRecord(m)?.name)) : []);
    const volumeNames = new Set(asArray(template?.spec.volumes).map((v) => asRecord(v)?.name));
    const seen = new Map<string, JsonPath>();
    asArray(spec.volumeClaimTemplates).forEach((entry, i) => {
      const name = asString(asRecord(asRecord(entry)?.metadata)?.name);
      const path = ["spec", "volumeClaimTemplates", i, "metadata", "name"];
      if (name === undefined) return;
      const problem = dns1123LabelProblem(name);
      if (problem) report.error("TKC3411", path, `volume claim template name ${show(name)} is not a valid DNS-1123 label: it ${problem}`, "use a short lowercase name such as \"data\"");
      const first = seen.get(name);
      if (first) report.error("TKC3411", path, `volume claim template ${show(name)} is declared twice`, "give each claim template a distinct name", [relatedAt(target, first, "the first one is here")]);
      else if (volumeNames.has(name)) report.error("TKC3411", path, `volume claim template ${show(name)} has the same name as a pod volume`, "rename the claim template or the pod volume");
      else if (!mounted.has(name)) report.warning("TKC3413", path, `volume claim template ${show(name)} is not mounted by any container`, `add a volumeMount named ${show(name)}, or remove the claim template`);
      seen.set(name, seen.get(name) ?? path);
    });
  },
};
