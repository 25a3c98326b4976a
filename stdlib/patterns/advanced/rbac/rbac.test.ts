import { test } from "node:test";
import assert from "node:assert/strict";
import { service, worker } from "../../../index.js";
import { allowFrom, allowTo, clusterRole, defaultDeny, podSecurity, relaxSecurity, role, serviceAccount } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = { name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } };

test("serviceAccount creates the account and runs the pods as it without a token", () => {
  const objects = expand(service({ ...base, patterns: [serviceAccount()] }));
  const account = find(objects, "ServiceAccount", "api");
  assert.equal(account.automountServiceAccountToken, false);
  const pod = find(objects, "Deployment").spec.template.spec;
  assert.equal(pod.serviceAccountName, "api");
  assert.equal(pod.automountServiceAccountToken, false);
  const withToken = find(expand(service({ ...base, patterns: [serviceAccount({ name: "api-sa", automountToken: true })] })), "Deployment").spec.template.spec;
  assert.equal(withToken.serviceAccountName, "api-sa");
  assert.equal(withToken.automountServiceAccountToken, true);
  assertFails(() => expand(service({ ...base, serviceAccountName: "other", patterns: [serviceAccount()] })), "TKC2660", /already runs as/);
  assertFails(() => serviceAccount({ name: "Bad_Name" }), "TKC2661");
});

test("role binds a Role to the workload's ServiceAccount in the environment's namespace", () => {
  const rules = [{ resources: ["configmaps"], verbs: ["get", "list"] }];
  const objects = expand(worker({ ...base, patterns: [serviceAccount({ automountToken: true }), role({ rules })] }), "dev");
  assert.deepEqual(find(objects, "Role", "api").rules, [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }]);
  const binding = find(objects, "RoleBinding", "api");
  assert.deepEqual(binding.roleRef, { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "api" });
  assert.deepEqual(binding.subjects, [{ kind: "ServiceAccount", name: "api", namespace: "shop-dev" }]);
  const cluster = expand(worker({ ...base, patterns: [serviceAccount({ automountToken: true }), clusterRole({ rules: [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }] })] }), "dev");
  assert.equal(find(cluster, "ClusterRoleBinding").metadata.name, "shop-dev-api");
  assert.deepEqual(find(cluster, "ClusterRole").rules, [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]);
});

test("role checks its rules and needs an account with a token", () => {
  assertFails(() => role({ rules: [] }), "TKC2670");
  assertFails(() => role({ rules: [{ resources: ["pods"], verbs: [] }] }), "TKC2671", /no verbs/);
  assertFails(() => role({ rules: [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }] }), "TKC2671", /only a ClusterRole/);
  assertFails(() => expand(worker({ ...base, patterns: [role({ rules: [{ resources: ["pods"], verbs: ["get"] }] })] })), "TKC2672");
  assertFails(() => expand(worker({ ...base, patterns: [serviceAccount(), role({ rules: [{ resources: ["pods"], verbs: ["get"] }] })] })), "TKC2673", /no API token/);
});

test("defaultDeny and allowFrom/allowTo emit additive NetworkPolicies", () => {
  const deny = expand(defaultDeny({ egress: true }))[0]!;
  assert.deepEqual(deny.spec.podSelector, {});
  assert.deepEqual(deny.spec.policyTypes, ["Ingress", "Egress"]);
  assert.equal(deny.spec.egress[0].ports[0].port, 53);
  assert.equal(expand(defaultDeny())[0]!.spec.egress, undefined);
  const objects = expand(service({
    ...base,
    ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
    port: undefined,
    patterns: [allowFrom({ workloads: ["web"], namespaces: ["monitoring"], ports: ["metrics"] }), allowTo({ cidrs: ["10.0.0.0/8"], ports: [5432] })],
  }));
  const from = find(objects, "NetworkPolicy", "api-from-web-ns-monitoring");
  assert.deepEqual(from.spec.ingress, [{
    from: [
      { podSelector: { matchLabels: { "app.kubernetes.io/name": "web", "app.kubernetes.io/instance": "shop" } } },
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
    ],
    ports: [{ port: 9090, protocol: "TCP" }],
  }]);
  assert.deepEqual(find(objects, "NetworkPolicy", "api-to-cidrs").spec.egress, [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }], ports: [{ port: 5432, protocol: "TCP" }] }]);
  assertFails(() => allowFrom({}), "TKC2680");
  assertFails(() => allowFrom({ workloads: ["Web"] }), "TKC2681");
  assertFails(() => expand(service({ ...base, patterns: [allowFrom({ workloads: ["web"], ports: ["grpc"] })] })), "TKC2682");
  assertFails(() => defaultDeny({ allowDns: false }), "TKC2683");
});

test("relaxSecurity loosens single fields, keeps the rest and records the reason", () => {
  const objects = expand(service({ ...base, patterns: [relaxSecurity({ reason: "binds :80", addCapabilities: ["NET_BIND_SERVICE"], runAsUser: 101 })] }));
  const deployment = find(objects, "Deployment");
  const container = deployment.spec.template.spec.containers[0];
  assert.deepEqual(container.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } });
  assert.deepEqual(deployment.spec.template.spec.securityContext, { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" }, runAsUser: 101 });
  assert.equal(deployment.metadata.annotations?.["tkc.dev/security-exception"], "binds :80");
  assertFails(() => relaxSecurity({ reason: " ", writableRootFilesystem: true }), "TKC2690");
  assertFails(() => relaxSecurity({ reason: "x" }), "TKC2691");
  assertFails(() => relaxSecurity({ reason: "x", runAsUser: 0 }), "TKC2692");
  assertFails(() => relaxSecurity({ reason: "x", addCapabilities: ["CAP_NET_ADMIN"] }), "TKC2693");
  assertFails(() => expand(service({ ...base, security: "none", patterns: [relaxSecurity({ reason: "x", writableRootFilesystem: true })] })), "TKC2694");
});

test("podSecurity returns Pod Security Admission labels", () => {
  assert.deepEqual(podSecurity("baseline", { warn: "restricted", version: "v1.33" }), {
    "pod-security.kubernetes.io/enforce": "baseline",
    "pod-security.kubernetes.io/enforce-version": "v1.33",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": "v1.33",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": "v1.33",
  });
  assertFails(() => podSecurity("strict" as never), "TKC2695");
  assertFails(() => podSecurity("restricted", { warn: "baseline" }), "TKC2695", /looser/);
  assertFails(() => podSecurity("restricted", { version: "1.33" }), "TKC2696");
});
