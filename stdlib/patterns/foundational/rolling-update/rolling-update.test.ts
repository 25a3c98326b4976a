import { test } from "node:test";
import assert from "node:assert/strict";
import { perEnv, rollingUpdate, service } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

test("rollingUpdate sets the strategy and rejects both-zero and bad percentages", () => {
  const api = service({ name: "api", image: "a:1", port, patterns: [rollingUpdate({ maxSurge: 1, maxUnavailable: 0, minReadySeconds: 5 })] });
  const spec = find(expand(api), "Deployment", "api").spec;
  assert.deepEqual(spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
  assert.equal(spec.minReadySeconds, 5);
  assert.equal(failureCode(() => rollingUpdate({ maxSurge: 0, maxUnavailable: "0%" })), "TKC2230");
  assert.equal(failureCode(() => rollingUpdate({ maxSurge: "1.5%" })), "TKC2231");
  const perEnvZero = service({ name: "api", image: "a:1", port, patterns: [rollingUpdate({ maxSurge: perEnv({ dev: 0, prod: 1 }), maxUnavailable: 0 })] });
  assert.equal(failureCode(() => expand(perEnvZero, "dev")), "TKC2230");
  assert.doesNotThrow(() => expand(perEnvZero, "prod"));
});

