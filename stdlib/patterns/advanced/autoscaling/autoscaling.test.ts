import { test } from "node:test";
import assert from "node:assert/strict";
import { service, statefulService, worker, job, daemon, perEnv } from "../../../index.js";
import { reportsOf } from "../../../../test/support/reports.js";
import { autoscale, disruptionBudget } from "../index.js";
import { assertFails, contextFor, expand, find } from "../../../../test/support/patterns/advanced.js";

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

test("disruptionBudget selects the workload's pods with exactly one budget field", () => {
  const pdb = find(expand(service({ ...base, patterns: [disruptionBudget({ maxUnavailable: "25%" })] })), "PodDisruptionBudget", "api");
  assert.equal(pdb.apiVersion, "policy/v1");
  assert.deepEqual(pdb.spec, {
    maxUnavailable: "25%",
    selector: { matchLabels: { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "shop" } },
    unhealthyPodEvictionPolicy: "AlwaysAllow",
  });
  assertFails(() => disruptionBudget({ minAvailable: 1, maxUnavailable: 1 } as never), "TKC2630", /both/);
  assertFails(() => disruptionBudget({} as never), "TKC2630", /neither/);
  assertFails(() => disruptionBudget({ minAvailable: "150%" as `${number}%` }), "TKC2631");
  assertFails(() => disruptionBudget({ minAvailable: -1 }), "TKC2631");
  assertFails(() => disruptionBudget({ maxUnavailable: 0 }), "TKC2632", /never allows an eviction/);
  assertFails(() => disruptionBudget({ minAvailable: "100%" }), "TKC2632");
  assertFails(() => expand(job({ ...base, patterns: [disruptionBudget({ maxUnavailable: 1 })] })), "TKC2633");
});

test("a budget that blocks evictions at the autoscaler's minimum is an error, in either order", () => {
  assertFails(() => expand(service({ ...base, patterns: [autoscale({ min: 2, max: 5 }), disruptionBudget({ minAvailable: 2 })] })), "TKC2632", /only 2/);
  assertFails(() => expand(service({ ...base, patterns: [disruptionBudget({ minAvailable: 3 }), autoscale({ min: 2, max: 5 })] })), "TKC2632");
  assert.doesNotThrow(() => expand(service({ ...base, patterns: [autoscale({ min: 3, max: 5 }), disruptionBudget({ minAvailable: 2 })] })));
});

test("without an autoscaler, a budget at the workload's own replica count is an error too", () => {
  assertFails(() => expand(service({ ...base, replicas: 1, patterns: [disruptionBudget({ minAvailable: 1 })] })), "TKC2632", /runs 1 replica,/);
  assertFails(() => expand(service({ ...base, patterns: [disruptionBudget({ minAvailable: 1 })] })), "TKC2632", /runs 1 replica,/);
  assertFails(() => expand(service({ ...base, replicas: perEnv({ dev: 3, prod: 2 }), patterns: [disruptionBudget({ minAvailable: 2 })] }), "prod"), "TKC2632", /runs 2 replicas/);
  assert.doesNotThrow(() => expand(service({ ...base, replicas: perEnv({ dev: 3, prod: 2 }), patterns: [disruptionBudget({ minAvailable: 2 })] }), "dev"));
  assert.doesNotThrow(() => expand(statefulService({ ...base, replicas: 3, patterns: [disruptionBudget({ minAvailable: 2 })] })));
  assertFails(() => expand(statefulService({ ...base, replicas: 3, patterns: [disruptionBudget({ minAvailable: 3 })] })), "TKC2632", /runs 3 replicas/);
  // The autoscaler's minimum, not the replicas it takes over, is what counts.
  assert.doesNotThrow(() => expand(service({ ...base, replicas: 1, patterns: [disruptionBudget({ minAvailable: 2 }), autoscale({ min: 3, max: 5 })] })));
});

test("independent mistakes in one workload's patterns are all reported, related positions as notes", () => {
  const atCalls = reportsOf(() => [disruptionBudget({ minAvailable: -1 }), autoscale({ min: 0, max: 5 }), autoscale({ min: 2, max: 1 })]);
  assert.deepEqual(atCalls.map((r) => r.code), ["TKC2631", "TKC2600", "TKC2601"]);
  // when the workload expands: a pattern on the wrong kind, and a budget the autoscaler blocks
  const api = worker({ ...base, patterns: [autoscale({ min: 2, max: 5 }), autoscale({ min: 2, max: 5 }), disruptionBudget({ minAvailable: 2 })] });
  const expanded = reportsOf(() => api.expand(contextFor()));
  assert.deepEqual(expanded.map((r) => r.code), ["TKC2604", "TKC2632"]);
  assert.doesNotMatch(expanded[0]!.message, /\(at /, "positions are notes, not message text");
});
