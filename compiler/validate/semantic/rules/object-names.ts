import type { IndexedObject } from "../object-index.js";
import { asRecord, asString, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { dns1035LabelProblem, dns1123LabelProblem, dns1123SubdomainProblem, pathSegmentNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

/** TKC3101-3104, TKC3109: metadata.name, generateName and namespace as the API server validates them. */
export const objectNames: SemanticRule = {
  name: "object-names",
  check(target, _bundle, report) {
    const metadata = asRecord(target.object.metadata);
    const name = metadata?.name;
    const generateName = metadata?.generateName;
    if (typeof generateName === "string" && generateName !== "") {
      report.warning(
        "TKC3104",
        ["metadata", "generateName"],
        name ? `metadata.generateName ${show(generateName)} is ignored because metadata.name is set` : `metadata.generateName ${show(generateName)} gives the object a random name on every apply`,
        "set a stable metadata.name instead; a bundle must name every object so it can be diffed and pruned",
      );
    }
    if (typeof name !== "string" || name === "") {
      if (typeof generateName !== "string" || generateName === "") {
        report.error("TKC3103", ["metadata", "name"], `${target.kind || "object"} has no metadata.name`, "give the object a name");
      }
    } else {
      checkName(target, name, report);
    }
    const namespace = asString(metadata?.namespace);
    if (namespace !== undefined) {
      const problem = dns1123LabelProblem(namespace);
      if (problem) report.error("TKC3109", ["metadata", "namespace"], `namespace ${show(namespace)} is not a valid DNS-1123 label: it ${problem}`, "use a lowercase name of at most 63 characters such as \"shop-prod\"");
    }
  },
};

function checkName(target: IndexedObject, name: string, report: Reporter): void {
  const path = ["metadata", "name"];
  const { group, kind } = target;
  if (group === "" && kind === "Namespace") return labelName(dns1123LabelProblem(name), "DNS-1123 label", name, kind, report);
  if (group === "" && kind === "Service") return labelName(dns1035LabelProblem(name), "DNS-1035 label", name, kind, report);
  // Mirrors ValidateStatefulSetName (pkg/apis/apps/validation): pod names and hostnames come from it.
  if (group === "apps" && kind === "StatefulSet") return labelName(dns1123LabelProblem(name), "DNS-1123 label", name, kind, report);
  if (group === "rbac.authorization.k8s.io") {
    const problem = pathSegmentNameProblem(name);
    if (problem) report.error("TKC3101", path, `name ${show(name)} is not a valid ${kind} name: it ${problem}`, "remove '/' and '%' from the name");
    return;
  }
  const problem = dns1123SubdomainProblem(name);
  if (problem) {
    report.error("TKC3101", path, `name ${show(name)} is not a valid DNS-1123 subdomain: it ${problem}`, "use lowercase letters, digits, '-' and '.', e.g. \"api-server\"");
    return;
  }
  // Jobs label their pods with job-name=<name>, and CronJobs append an 11-character suffix to it.
  const limit = group === "batch" && kind === "Job" ? 63 : group === "batch" && kind === "CronJob" ? 52 : undefined;
  if (limit !== undefined && name.length > limit) {
    report.error("TKC3102", path, `${kind} name ${show(name)} has ${name.length} characters; the limit is ${limit}`, `shorten the name to at most ${limit} characters`);
  }
}

function labelName(problem: string | undefined, syntax: string, name: string, kind: string, report: Reporter): void {
  if (problem) report.error("TKC3102", ["metadata", "name"], `${kind} name ${show(name)} is not a valid ${syntax}: it ${problem}`, "use a lowercase name of at most 63 characters without dots, e.g. \"web\"");
}
