import { test } from "node:test";
import assert from "node:assert/strict";
import { service, worker, job, daemon, perEnv } from "../../../index.js";
import { autoscale } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m", memory: "256Mi" } },
};

test("autoscale emits an autoscaling/v2 HPA targeting the Deployment, which leaves replicas to it", () => {
  const objects = expand(service({ ...base, replicas: 5, patterns: [autoscale({ min: perEnv({ dev: 1, prod: 3 }), max: 10, memory: 80 })] }));
  const hpa = find(objects, "HorizontalPodAutoscaler", "api");
  assert.equal(hpa.apiVersion, "autoscaling/v2");
  assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "api" });
  assert.equal(hpa.spec.minReplicas, 3);
  assert.equal(hpa.spec.maxReplicas, 10);
  assert.deepEqual(hpa.spec.metrics, [{ type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 80 } } }]);
  // The replicas option is dropped: a re-apply must not reset what the HPA chose.
  assert.equal("replicas" in find(objects, "Deployment").spec, false);
  assert.equal("replicas" in find(expand(service({ ...base, patterns: [autoscale({ min: perEnv({ dev: 1, prod: 3 }), max: 10 })] }), "dev"), "Deployment").spec, false);
});

test("autoscale defaults to 70% CPU only when no metric is given", () => {
  const hpa = find(expand(service({ ...base, patterns: [autoscale({ min: 2, max: 4 })] })), "HorizontalPodAutoscaler");
  assert.deepEqual(hpa.spec.metrics, [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }]);
  const external = { type: "External" as const, external: { metric: { name: "queue" }, target: { type: "AverageValue" as const, averageValue: "30" } } };
  const custom = find(expand(worker({ ...base, patterns: [autoscale({ min: 1, max: 4, metrics: [external] })] })), "HorizontalPodAutoscaler");
  assert.deepEqual(custom.spec.metrics, [external]);
});

test("autoscale checks its numbers at the call and per environment", () => {
  assertFails(() => autoscale({ min: 0, max: 3 }), "TKC2600", /at least 1/);
  assertFails(() => autoscale({ min: 4, max: 3 }), "TKC2601", /below min/);
  assertFails(() => autoscale({ min: 1, max: 3, cpu: 0 }), "TKC2602");
  assertFails(() => autoscale({ min: 1, max: 3, cpu: 12.5 }), "TKC2602");
  const perEnvMistake = service({ ...base, patterns: [autoscale({ min: perEnv({ dev: 1, prod: 5 }), max: 4 })] });
  assert.doesNotThrow(() => expand(perEnvMistake, "dev"));
  assertFails(() => expand(perEnvMistake, "prod"), "TKC2601");
});

test("autoscale needs requests for utilization targets and a scalable workload", () => {
  assertFails(() => expand(service({ ...base, resources: { requests: { memory: "1Gi" } }, patterns: [autoscale({ min: 1, max: 3 })] })), "TKC2603", /requests no cpu/);
  assertFails(() => expand(daemon({ ...base, patterns: [autoscale({ min: 1, max: 3 })] })), "TKC2605", /daemon/);
  assertFails(() => expand(job({ ...base, patterns: [autoscale({ min: 1, max: 3 })] })), "TKC2605");
});

test("two autoscalers on one workload are an error", () => {
  assertFails(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), autoscale({ min: 1, max: 5 })] })), "TKC2604", /twice/);
});

