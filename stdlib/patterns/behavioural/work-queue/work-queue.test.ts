import { test } from "node:test";
import assert from "node:assert/strict";
import { statefulService, workQueue } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";


test("workQueue wires the queue component's Service address into the workers", () => {
  const redis = statefulService({ name: "queue", image: "redis:7.4.1", port: { name: "redis", containerPort: 6379 } });
  const objects = expand(workQueue({ name: "wq", image: "w:1", queue: redis, parallelism: 3, queueName: "jobs" }));
  const spec = find(objects, "Job", "wq").spec;
  assert.equal(spec.parallelism, 3);
  assert.equal(spec.completions, undefined);
  const env = Object.fromEntries(spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
  assert.deepEqual(env, { QUEUE_HOST: "queue", QUEUE_PORT: "6379", QUEUE_ADDRESS: "queue:6379", QUEUE_NAME: "jobs" });
  assert.equal(failureCode(() => workQueue({ name: "wq", image: "w:1", queue: "redis", parallelism: 1 })), "TKC2280");
  assert.equal(failureCode(() => workQueue({ name: "wq", image: "w:1", queue: redis, parallelism: 0 })), "TKC2280");
});

