import { test } from "node:test";
import assert from "node:assert/strict";
import { limitRange, priorityClass, resourceQuota, perEnv } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

test("priorityClass, resourceQuota and limitRange check their values", () => {
  assert.equal(failureCode(() => priorityClass({ name: "system-x", value: 10 })), "TKC2221");
  assert.equal(find(expand(priorityClass({ name: "batch", value: 10, preemptionPolicy: "Never" })), "PriorityClass", "batch").preemptionPolicy, "Never");
  assert.equal(failureCode(() => resourceQuota({ hard: { "requests.cpu": "-1" } })), "TKC2222");
  const quota = resourceQuota({ hard: perEnv({ dev: { pods: 10 }, prod: { pods: 100, "requests.cpu": "32" } }) });
  assert.deepEqual(find(expand(quota, "prod"), "ResourceQuota", "compute").spec.hard, { pods: "100", "requests.cpu": "32" });
  assert.equal(failureCode(() => limitRange({ container: { default: { cpu: "2" }, max: { cpu: "1" } } })), "TKC2222");
  const ok = limitRange({ container: { defaultRequest: { cpu: "100m" }, default: { cpu: "1" }, max: { cpu: "2" } } });
  assert.equal(find(expand(ok), "LimitRange", "defaults").spec.limits[0].type, "Container");
});

