import assert from "node:assert/strict";
import { test } from "node:test";
import { fullBundle, pair, run, summary } from "./fixtures.js";

test("the Deployment+Service pair is clean", () => {
  const diagnostics = run(pair().list());
  assert.equal(diagnostics.length, 0, summary(diagnostics));
});

test("the full bundle of every checked kind is clean", () => {
  const diagnostics = run(Object.values(fullBundle()));
  assert.equal(diagnostics.length, 0, summary(diagnostics));
});

test("an empty bundle is clean", () => {
  assert.deepEqual(run([]), []);
});
