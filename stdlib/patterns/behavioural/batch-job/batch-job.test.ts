import { test } from "node:test";
import assert from "node:assert/strict";
import { job } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";


test("job: podFailurePolicy sorted and defaulted; misuse fails at the call", () => {
  const j = job({ name: "j", image: "j:1", podFailurePolicy: [{ action: "FailJob", onExitCodes: { operator: "In", values: [3, 1, 3] } }, { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] });
  const rules = find(expand(j), "Job", "j").spec.podFailurePolicy.rules;
  assert.deepEqual(rules[0].onExitCodes.values, [1, 3]);
  assert.deepEqual(rules[1].onPodConditions, [{ type: "DisruptionTarget", status: "True" }]);
  assert.equal(failureCode(() => job({ name: "j", image: "j:1", restartPolicy: "OnFailure", podFailurePolicy: [{ action: "Count", onPodConditions: [{ type: "X" }] }] })), "TKC2250");
  assert.equal(failureCode(() => job({ name: "j", image: "j:1", podFailurePolicy: [{ action: "FailJob", onExitCodes: { operator: "In", values: [0] } }] })), "TKC2250");
  assert.equal(failureCode(() => job({ name: "j", image: "j:1", backoffLimitPerIndex: 1 })), "TKC2251");
  assert.equal(failureCode(() => job({ name: "j", image: "j:1", parallelism: -1 })), "TKC2252");
});

