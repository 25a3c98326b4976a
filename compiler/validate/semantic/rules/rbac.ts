import { asArray, asRecord, asString, show } from "../guards.js";
import { dns1123SubdomainProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const RBAC_GROUP = "rbac.authorization.k8s.io";

/**
 * TKC3830-3831: RBAC rules and bindings. Mirrors ValidatePolicyRule, ValidateRoleBinding /
 * ValidateClusterRoleBinding and ValidateRoleBindingSubject in pkg/apis/rbac/validation/validation.go,
 * judged after SetDefaults_Subject / SetDefaults_RoleBinding filled in apiGroups.
 */
export const rbac: SemanticRule = {
  name: "rbac",
  kinds: [`${RBAC_GROUP}/Role`, `${RBAC_GROUP}/ClusterRole`, `${RBAC_GROUP}/RoleBinding`, `${RBAC_GROUP}/ClusterRoleBinding`],
  check(target, _bundle, report) {
    const object = target.object as Record<string, unknown>;
    const namespaced = target.kind === "Role" || target.kind === "RoleBinding";
    if (target.kind === "Role" || target.kind === "ClusterRole") {
      asArray(object.rules).forEach((entry, i) => {
        const rule = asRecord(entry);
        if (!rule) return;
        const path = ["rules", i];
        if (asArray(rule.verbs).length === 0) report.error("TKC3830", [...path, "verbs"], "the rule has no verbs", "list verbs such as get, list, watch");
        const urls = asArray(rule.nonResourceURLs);
        const groups = asArray(rule.apiGroups);
        const resources = asArray(rule.resources);
        if (urls.length > 0) {
          if (namespaced) report.error("TKC3830", [...path, "nonResourceURLs"], "a Role may not grant nonResourceURLs: they are not namespaced", "move the rule to a ClusterRole");
          else if (groups.length > 0 || resources.length > 0) report.error("TKC3830", [...path, "nonResourceURLs"], "a rule may not mix nonResourceURLs with apiGroups or resources", "split it into a resource rule and a non-resource rule");
          return;
        }
        if (groups.length === 0) report.error("TKC3830", [...path, "apiGroups"], "a resource rule needs apiGroups (\"\" is the core group)", "add apiGroups, e.g. [\"\"] for pods or [apps] for deployments");
        if (resources.length === 0) report.error("TKC3830", [...path, "resources"], "a resource rule needs resources", "list resources such as pods or deployments");
      });
      return;
    }
    const roleRef = asRecord(object.roleRef);
    if (roleRef) {
      const allowed = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
      if (!allowed.includes(roleRef.kind as string)) report.error("TKC3831", ["roleRef", "kind"], `roleRef kind ${show(roleRef.kind)} is not allowed in a ${target.kind}; use ${allowed.join(" or ")}`, namespaced ? "bind a Role or a ClusterRole" : "a ClusterRoleBinding binds a ClusterRole");
      if (roleRef.apiGroup !== RBAC_GROUP) report.error("TKC3831", ["roleRef", "apiGroup"], `roleRef apiGroup ${show(roleRef.apiGroup)} must be ${RBAC_GROUP}`, `set apiGroup: ${RBAC_GROUP}, or leave it unset`);
    }
    asArray(object.subjects).forEach((entry, i) => {
      const subject = asRecord(entry);
      if (!subject) return;
      const path = ["subjects", i];
      const kind = subject.kind;
      if (kind === "ServiceAccount") {
        if (subject.apiGroup !== "") report.error("TKC3831", [...path, "apiGroup"], `a ServiceAccount subject's apiGroup must be "" (the core group), not ${show(subject.apiGroup)}`, "remove apiGroup");
        const name = asString(subject.name);
        const problem = name === undefined ? undefined : dns1123SubdomainProblem(name);
        if (problem) report.error("TKC3831", [...path, "name"], `ServiceAccount name ${show(name)} is not valid: it ${problem}`, "use the ServiceAccount's name");
        if (!namespaced && !asString(subject.namespace)) report.error("TKC3831", [...path, "namespace"], "a ServiceAccount subject of a ClusterRoleBinding needs a namespace", "set namespace to the ServiceAccount's namespace");
      } else if (kind === "User" || kind === "Group") {
        if (subject.apiGroup !== RBAC_GROUP) report.error("TKC3831", [...path, "apiGroup"], `a ${kind} subject's apiGroup must be ${RBAC_GROUP}, not ${show(subject.apiGroup)}`, `set apiGroup: ${RBAC_GROUP}, or leave it unset`);
      } else {
        report.error("TKC3831", [...path, "kind"], `subject kind ${show(kind)} is not ServiceAccount, User or Group`, "use ServiceAccount, User or Group");
      }
    });
  },
};
