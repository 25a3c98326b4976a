import { test } from "node:test";
import assert from "node:assert/strict";
import { recreate, worker, daemon } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

test("recreate is for Deployments only", () => {
  const w = worker({ name: "w", image: "a:1", patterns: [recreate()] });
  assert.deepEqual(find(expand(w), "Deployment", "w").spec.strategy, { type: "Recreate" });
  assert.equal(failureCode(() => expand(daemon({ name: "d", image: "a:1", patterns: [recreate()] }))), "TKC2232");
});

//x
