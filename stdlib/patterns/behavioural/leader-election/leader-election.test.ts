import { test } from "node:test";
import assert from "node:assert/strict";
import { leaderElection, worker } from "../../../index.js";
import { expand, find } from "../../../../test/support/patterns/foundational.js";


test("leaderElection grants the one Lease and hands the app its identity", () => {
  const objects = expand(worker({ name: "w", image: "w:1", replicas: 3, patterns: [leaderElection({ lease: "w-leader" })] }));
  const role = find(objects, "Role", "w-leader-election");
  assert.deepEqual(role.rules[1].resourceNames, ["w-leader"]);
  assert.equal(find(objects, "RoleBinding", "w-leader-election").subjects[0].name, "w");
  const pod = find(objects, "Deployment", "w").spec.template.spec;
  assert.equal(pod.serviceAccountName, "w");
  assert.deepEqual(pod.containers[0].env.map((e: any) => e.name), ["LEASE_NAME", "LEASE_NAMESPACE", "POD_NAME"]);
  // An existing ServiceAccount is bound, not created.
  const own = expand(worker({ name: "w", image: "w:1", serviceAccountName: "robot", patterns: [leaderElection({})] }));
  assert.ok(!own.some((o) => o.kind === "ServiceAccount"));
  assert.equal(find(own, "RoleBinding", "w-leader-election").subjects[0].name, "robot");
});

