import { test } from "node:test";
import assert from "node:assert/strict";
import { gracefulShutdown, lifecycleHooks, service } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const ports = [{ name: "http", containerPort: 8080 }, { name: "grpc", containerPort: 50051 }];

test("gracefulShutdown adds a preStop sleep and the grace period, and checks drain < grace", () => {
  const api = service({ name: "api", image: "a:1", ports, patterns: [gracefulShutdown({ drainSeconds: 7, terminationGracePeriodSeconds: 40 })] });
  const deployment = find(expand(api), "Deployment", "api");
  assert.deepEqual(deployment.spec.template.spec.containers[0].lifecycle, { preStop: { sleep: { seconds: 7 } } });
  assert.equal(deployment.spec.template.spec.terminationGracePeriodSeconds, 40);
  assert.equal(failureCode(() => gracefulShutdown({ drainSeconds: 40, terminationGracePeriodSeconds: 40 })), "TKC2210");
});

test("two preStop hooks are an error", () => {
  const api = service({ name: "api", image: "a:1", ports, patterns: [gracefulShutdown({}), lifecycleHooks({ preStop: { exec: { command: ["x"] } } })] });
  assert.equal(failureCode(() => expand(api)), "TKC2211");
});

