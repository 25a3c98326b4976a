import { test } from "node:test";
import assert from "node:assert/strict";
import { worker } from "../../../index.js";
import { autoscale, kedaScaling } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" } },
};

test("kedaScaling emits a ScaledObject and owns the replica count", () => {
  const triggers = [{ type: "redis", metadata: { address: "redis:6379", listName: "jobs", listLength: "20" } }];
  const objects = expand(worker({ ...base, patterns: [kedaScaling({ max: 10, triggers })] }));
  const scaled = find(objects, "ScaledObject", "api");
  assert.equal(scaled.spec.minReplicaCount, 0);
  assert.equal(scaled.spec.maxReplicaCount, 10);
  assert.deepEqual(scaled.spec.triggers, triggers);
  assert.equal("replicas" in find(objects, "Deployment").spec, false, "KEDA owns the replica count");
  assertFails(() => kedaScaling({ max: 10, triggers: [] }), "TKC2620");
  assertFails(() => kedaScaling({ min: 3, max: 2, triggers }), "TKC2621");
  assertFails(() => kedaScaling({ max: 2, triggers: [{ type: "redis", metadata: { listLength: 20 as unknown as string } }] }), "TKC2622");
  const both = assertFails(() => expand(worker({ ...base, patterns: [autoscale({ min: 1, max: 3 }), kedaScaling({ max: 10, triggers })] })), "TKC2604", /autoscale\(\) and kedaScaling\(\)/);
  assert.match(both.hint ?? "", /KEDA creates its own HorizontalPodAutoscaler/);
});

