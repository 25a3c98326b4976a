import { test } from "node:test";
import assert from "node:assert/strict";
import { singleton } from "../../../index.js";
import { expand, find } from "../../../../test/support/patterns/foundational.js";


test("singleton: a StatefulSet of one by default, a Recreate Deployment when not strict, never a PDB", () => {
  const strict = expand(singleton({ name: "s", image: "s:1", port: { name: "http", containerPort: 80 } }));
  assert.equal(find(strict, "StatefulSet", "s").spec.replicas, 1);
  assert.ok(!strict.some((o) => o.kind === "PodDisruptionBudget"));
  const relaxed = expand(singleton({ name: "s", image: "s:1", strict: false }));
  assert.deepEqual(find(relaxed, "Deployment", "s").spec.strategy, { type: "Recreate" });
  assert.equal(find(relaxed, "Deployment", "s").spec.replicas, 1);
});

