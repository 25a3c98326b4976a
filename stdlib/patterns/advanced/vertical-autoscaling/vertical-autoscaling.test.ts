import { test } from "node:test";
import assert from "node:assert/strict";
import { service, statefulService, worker } from "../../../index.js";
import { autoscale, verticalAutoscale } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" } },
};

test("verticalAutoscale emits a VPA and refuses to fight an HPA over the same resource", () => {
  const vpa = find(expand(statefulService({ ...base, patterns: [verticalAutoscale({ updateMode: "Recreate", maxAllowed: { memory: "4Gi" } })] })), "VerticalPodAutoscaler");
  assert.deepEqual(vpa.spec.targetRef, { apiVersion: "apps/v1", kind: "StatefulSet", name: "api" });
  assert.deepEqual(vpa.spec.updatePolicy, { updateMode: "Recreate" });
  assert.deepEqual(vpa.spec.resourcePolicy.containerPolicies, [{ containerName: "api", maxAllowed: { memory: "4Gi" } }]);
  assert.equal(find(expand(worker({ ...base, patterns: [verticalAutoscale({})] })), "VerticalPodAutoscaler").spec.updatePolicy.updateMode, "Off");
  assert.match(assertFails(() => verticalAutoscale({ updateMode: "Auto" as never }), "TKC2610").hint ?? "", /deprecated/);
  assertFails(() => verticalAutoscale({ minAllowed: { cpu: "2" }, maxAllowed: { cpu: "500m" } }), "TKC2611");
  assertFails(() => verticalAutoscale({ minAllowed: { cpu: "two" } }), "TKC2611");
  assertFails(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Recreate" })] })), "TKC2612", /cpu/);
  assertFails(() => expand(service({ ...base, patterns: [verticalAutoscale({ updateMode: "Initial" }), autoscale({ min: 1, max: 3, memory: 80 })] })), "TKC2612", /memory/);
  assert.doesNotThrow(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Recreate", controlledResources: ["memory"] })] })));
  assert.doesNotThrow(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Off" })] })));
});

