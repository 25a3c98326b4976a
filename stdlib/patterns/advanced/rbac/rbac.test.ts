import { test } from "node:test";
import assert from "node:assert/strict";
import { worker } from "../../../index.js";
import { clusterRole, role, serviceAccount } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = { name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } };

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

