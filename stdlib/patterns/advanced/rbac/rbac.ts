import type { RbacAuthorizationV1ClusterRole, RbacAuthorizationV1ClusterRoleBinding, RbacAuthorizationV1PolicyRule, RbacAuthorizationV1Role, RbacAuthorizationV1RoleBinding } from "tkc/k8s";
import type { FieldMapping } from "../../../core/component.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { fitName, labelsFor } from "../../support/generated-names.js";

/** One permission: verbs on resources of API groups (`""` is the core group). */
export interface AccessRule {
  /** @default [""] (the core group: pods, configmaps, secrets, services...) */
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  /** Limit the rule to these object names. @default all */
  readonly resourceNames?: readonly string[];
  /** e.g. ["get", "list", "watch"]. */
  readonly verbs: readonly string[];
  /** Non-resource URLs such as "/healthz" (clusterRole() only). */
  readonly nonResourceURLs?: readonly string[];
}

export interface RoleOptions {
  /** What the workload's ServiceAccount may do. */
  readonly rules: readonly AccessRule[];
}

function checkRules(pattern: string, options: RoleOptions, origin: SourceLocation | undefined): void {
  if (!Array.isArray(options.rules) || options.rules.length === 0) {
    fail("TKC2670", `${pattern} has no rules, so it would grant nothing`, atProperty(origin, ["rules"]), "add rules: [{ resources: [\"configmaps\"], verbs: [\"get\", \"list\", \"watch\"] }]");
  }
  options.rules.forEach((rule, index) => {
    if (!rule.verbs || rule.verbs.length === 0) {
      report.error("TKC2671", `${pattern} rules[${index}] has no verbs`, atProperty(origin, ["rules", index]), { hint: "list verbs such as \"get\", \"list\", \"watch\"" });
    }
    const hasResources = (rule.resources?.length ?? 0) > 0;
    const hasUrls = (rule.nonResourceURLs?.length ?? 0) > 0;
    if (hasUrls && pattern === "role()") {
      report.error("TKC2671", `role() rules[${index}] lists nonResourceURLs, which only a ClusterRole can grant`, atProperty(origin, ["rules", index, "nonResourceURLs"]), { hint: "use clusterRole() for non-resource URLs" });
    }
    if (hasResources === hasUrls) {
      report.error("TKC2671", `${pattern} rules[${index}] must name either resources or nonResourceURLs`, atProperty(origin, ["rules", index]), { hint: "e.g. resources: [\"configmaps\"]" });
    }
  });
}

function policyRules(rules: readonly AccessRule[]): RbacAuthorizationV1PolicyRule[] {
  return rules.map((rule) => {
    const out: RbacAuthorizationV1PolicyRule = { verbs: [...rule.verbs] };
    if (rule.nonResourceURLs) out.nonResourceURLs = [...rule.nonResourceURLs];
    if (rule.resources) {
      out.apiGroups = [...(rule.apiGroups ?? [""])];
      out.resources = [...rule.resources];
    }
    if (rule.resourceNames) out.resourceNames = [...rule.resourceNames];
    return out;
  });
}

/** The ServiceAccount the workload runs as; a role needs one, and a mounted token to use it. */
function accountOf(pattern: string, build: WorkloadBuild, origin: SourceLocation | undefined): string {
  const account = build.pod.serviceAccountName;
  if (account === undefined) {
    fail(
      "TKC2672",
      `${pattern} grants rights to the ServiceAccount of '${build.name}', but the workload runs as the namespace's default account, which every other pod shares`,
      origin,
      `list serviceAccount() before ${pattern} in patterns, or set serviceAccountName on the workload`,
    );
  }
  if (build.pod.automountServiceAccountToken === false) {
    fail(
      "TKC2673",
      `${pattern} grants API rights to '${build.name}', but its pods get no API token (automountServiceAccountToken is false), so they could not use them`,
      origin,
      "use serviceAccount({ automountToken: true })",
    );
  }
  return account;
}

function ruleFields(path: readonly string[]): FieldMapping[] {
  return [[[], []], [[...path, "rules"], ["rules"]]];
}

/** A namespaced Role and a RoleBinding granting it to the workload's ServiceAccount. */
export const role = definePattern<RoleOptions>({
  name: "role",
  check: (options, origin) => checkRules("role()", options, origin),
  apply(options, build, context, origin) {
    const account = accountOf("role()", build, origin);
    const labels = labelsFor(build);
    const object: RbacAuthorizationV1Role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: build.name, labels }, rules: policyRules(options.rules) };
    const binding: RbacAuthorizationV1RoleBinding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: build.name, labels: { ...labels } },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: build.name },
      subjects: [{ kind: "ServiceAccount", name: account, namespace: context.environment.namespace }],
    };
    build.extraObjects.push({ object, origin, fields: ruleFields([]) }, { object: binding, origin, fields: [[[], []]] });
  },
});

/**
 * A ClusterRole and ClusterRoleBinding for the workload's ServiceAccount, for cluster-wide
 * reads (nodes, namespaces) or non-resource URLs. Both are named `<namespace>-<workload>`, as
 * cluster-scoped names are shared by every environment of every release.
 */
export const clusterRole = definePattern<RoleOptions>({
  name: "cluster-role",
  check: (options, origin) => checkRules("clusterRole()", options, origin),
  apply(options, build, context, origin) {
    const account = accountOf("clusterRole()", build, origin);
    const name = fitName(`${context.environment.namespace}-${build.name}`, 253);
    const labels = labelsFor(build);
    const object: RbacAuthorizationV1ClusterRole = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name, labels }, rules: policyRules(options.rules) };
    const binding: RbacAuthorizationV1ClusterRoleBinding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name, labels: { ...labels } },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects: [{ kind: "ServiceAccount", name: account, namespace: context.environment.namespace }],
    };
    build.extraObjects.push({ object, origin, fields: ruleFields([]) }, { object: binding, origin, fields: [[[], []]] });
  },
});
