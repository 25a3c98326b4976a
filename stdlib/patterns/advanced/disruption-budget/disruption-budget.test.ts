import { test } from "node:test";
import assert from "node:assert/strict";
import { service, statefulService, worker, job, perEnv } from "../../../index.js";
import { reportsOf } from "../../../../test/support/reports.js";
import { autoscale, disruptionBudget } from "../index.js";
import { assertFails, contextFor, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m", memory: "256Mi" } },
};

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

