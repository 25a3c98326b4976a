import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, asString, show } from "../guards.js";
import { relatedAt } from "../report.js";
import { dns1123LabelProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** TKC3218-3220, TKC3223: volume names, and mounts that name declared volumes at distinct paths. */
export const podVolumes: SemanticRule = {
  name: "pod-volumes",
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    const volumes = new Map<string, JsonPath>();
    asArray(template.spec.volumes).forEach((entry, i) => {
      const name = asString(asRecord(entry)?.name);
      if (name === undefined) return;
      const path = [...template.specPath, "volumes", i, "name"];
      const problem = dns1123LabelProblem(name);
      if (problem) report.error("TKC3219", path, `volume name ${show(name)} is not a valid DNS-1123 label: it ${problem}`, "use a short lowercase name such as \"config\"");
      const first = volumes.get(name);
      if (first) report.error("TKC3220", path, `volume name ${show(name)} is declared twice`, "give each volume a distinct name", [relatedAt(target, first, `the first volume ${show(name)} is here`)]);
      else volumes.set(name, path);
    });
    // A StatefulSet's volumeClaimTemplates become volumes of its pods.
    const claimNames = target.kind === "StatefulSet" ? asArray(asRecord(target.object.spec)?.volumeClaimTemplates).map((c) => asString(asRecord(asRecord(c)?.metadata)?.name)) : [];
    const declared = new Set([...volumes.keys(), ...claimNames.filter((n): n is string => n !== undefined)]);
    for (const ref of containersOf(template)) {
      const mountPaths = new Map<string, JsonPath>();
      asArray(ref.container.volumeMounts).forEach((entry, i) => {
        const mount = asRecord(entry);
        const name = asString(mount?.name);
        const path = [...ref.path, "volumeMounts", i];
        if (name !== undefined && !declared.has(name)) {
          const known = [...declared].map((n) => show(n)).join(", ") || "none";
          report.error("TKC3218", [...path, "name"], `container ${show(ref.container.name)} mounts volume ${show(name)}, which the pod does not declare (declared: ${known})`, `add a volume named ${show(name)} to spec.volumes, or fix the name`);
        }
        const mountPath = asString(mount?.mountPath);
        if (mountPath === undefined) return;
        const first = mountPaths.get(mountPath);
        if (first) report.error("TKC3223", [...path, "mountPath"], `container ${show(ref.container.name)} mounts two volumes at ${show(mountPath)}`, "give each mount its own mountPath", [relatedAt(target, first, "the first mount at this path is here")]);
        else mountPaths.set(mountPath, [...path, "mountPath"]);
      });
    }
  },
};
