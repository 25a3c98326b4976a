/* Workload rules mirrored from pkg/apis/apps and pkg/apis/batch validation: a valid and an invalid case each. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { expectDiagnostic, fullBundle, type Loose, run } from "./fixtures.js";

test("StatefulSet names: DNS labels (TKC3102), and at most 52 characters (TKC3421)", () => {
  const { db } = fullBundle();
  db.metadata.name = "a".repeat(52);
  assert.deepEqual(run([db]).filter((d) => d.severity === "error"), []);
  db.metadata.name = "db.primary";
  expectDiagnostic(run([db]), "TKC3102", "metadata.name", 'StatefulSet name "db.primary" is not a valid DNS-1123 label', { alsoAllowed: ["TKC3410"] });
  db.metadata.name = "a".repeat(53);
  const hit = expectDiagnostic(run([db]), "TKC3421", "metadata.name", "has 53 characters, so its pods' controller-revision-hash label would exceed 63", { alsoAllowed: ["TKC3410"] });
  assert.match(hit.hint ?? "", /API server accepts it but no pod is ever created/);
});

test("StatefulSet ordinals.start is not negative (TKC3404)", () => {
  const { db } = fullBundle();
  db.spec.ordinals = { start: 1 };
  assert.deepEqual(run([db]).filter((d) => d.severity === "error"), []);
  db.spec.ordinals = { start: -1 };
  expectDiagnostic(run([db]), "TKC3404", "spec.ordinals.start", "ordinals.start is -1", { alsoAllowed: ["TKC3410"] });
});

function job(change: (spec: Loose) => void): Loose[] {
  const { job: j } = fullBundle();
  change(j.spec);
  return [j];
}

test("TKC3710: podFailurePolicy", () => {
  const rule = (r: Loose) => ({ rules: [r] });
  const ok = job((spec) => { spec.backoffLimitPerIndex = 1; spec.podFailurePolicy = { rules: [{ action: "FailIndex", onExitCodes: { containerName: "seed", operator: "In", values: [1, 2, 42] } }, { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] }; });
  assert.deepEqual(run(ok), []);
  expectDiagnostic(run(job((spec) => (spec.podFailurePolicy = rule({ action: "FailIndex", onExitCodes: { operator: "In", values: [1] } })))), "TKC3710", "spec.podFailurePolicy.rules[0].action", "action FailIndex needs backoffLimitPerIndex");
  expectDiagnostic(run(job((spec) => (spec.podFailurePolicy = rule({ action: "FailJob", onExitCodes: { operator: "In", values: [0, 1] } })))), "TKC3710", "spec.podFailurePolicy.rules[0].onExitCodes.values[0]", "exit code 0 may not be matched with operator In");
  expectDiagnostic(run(job((spec) => (spec.podFailurePolicy = rule({ action: "FailJob", onExitCodes: { operator: "NotIn", values: [3, 1] } })))), "TKC3710", "spec.podFailurePolicy.rules[0].onExitCodes.values[1]", "increasing order");
  expectDiagnostic(run(job((spec) => (spec.podFailurePolicy = rule({ action: "FailJob", onExitCodes: { containerName: "main", operator: "In", values: [1] } })))), "TKC3710", "spec.podFailurePolicy.rules[0].onExitCodes.containerName", '"main" names no container');
  expectDiagnostic(run(job((spec) => (spec.podFailurePolicy = rule({ action: "FailJob" })))), "TKC3710", "spec.podFailurePolicy.rules[0]", "needs onExitCodes or onPodConditions");
  expectDiagnostic(run(job((spec) => { spec.template.spec.restartPolicy = "OnFailure"; spec.podFailurePolicy = rule({ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }); })), "TKC3710", "spec.template.spec.restartPolicy", "needs the pod restartPolicy Never");
  expectDiagnostic(run(job((spec) => { spec.podReplacementPolicy = "TerminatingOrFailed"; spec.podFailurePolicy = rule({ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }); })), "TKC3710", "spec.podReplacementPolicy", "must be Failed when podFailurePolicy is set");
});

test("TKC3711: backoffLimitPerIndex and maxFailedIndexes", () => {
  assert.deepEqual(run(job((spec) => { spec.backoffLimitPerIndex = 2; spec.maxFailedIndexes = 3; })), []);
  expectDiagnostic(run(job((spec) => { spec.completionMode = "NonIndexed"; spec.backoffLimitPerIndex = 2; })), "TKC3711", "spec.backoffLimitPerIndex", "needs completionMode Indexed");
  expectDiagnostic(run(job((spec) => (spec.maxFailedIndexes = 1))), "TKC3711", "spec.maxFailedIndexes", "maxFailedIndexes needs backoffLimitPerIndex");
  expectDiagnostic(run(job((spec) => { spec.backoffLimitPerIndex = 2; spec.maxFailedIndexes = 4; })), "TKC3711", "spec.maxFailedIndexes", "maxFailedIndexes 4 is more than completions 3");
});

test("TKC3712: successPolicy", () => {
  assert.deepEqual(run(job((spec) => (spec.successPolicy = { rules: [{ succeededIndexes: "0,2", succeededCount: 1 }, { succeededCount: 3 }] }))), []);
  expectDiagnostic(run(job((spec) => { spec.completionMode = "NonIndexed"; spec.successPolicy = { rules: [{ succeededCount: 1 }] }; })), "TKC3712", "spec.successPolicy", "successPolicy needs completionMode Indexed");
  expectDiagnostic(run(job((spec) => (spec.successPolicy = { rules: [{}] }))), "TKC3712", "spec.successPolicy.rules[0]", "needs succeededIndexes or succeededCount");
  expectDiagnostic(run(job((spec) => (spec.successPolicy = { rules: [{ succeededIndexes: "0-3" }] }))), "TKC3712", "spec.successPolicy.rules[0].succeededIndexes", "indexes go from 0 to 2");
  expectDiagnostic(run(job((spec) => (spec.successPolicy = { rules: [{ succeededIndexes: "2,1" }] }))), "TKC3712", "spec.successPolicy.rules[0].succeededIndexes", "not in ascending order");
  expectDiagnostic(run(job((spec) => (spec.successPolicy = { rules: [{ succeededIndexes: "0", succeededCount: 2 }] }))), "TKC3712", "spec.successPolicy.rules[0].succeededCount", "more than the 1 indexes");
});

test("TKC3713: a CronJob's job template sets no selector", () => {
  const { cron } = fullBundle();
  assert.deepEqual(run([cron]), []);
  cron.spec.jobTemplate.spec.selector = { matchLabels: { app: "report" } };
  expectDiagnostic(run([cron]), "TKC3713", "spec.jobTemplate.spec.selector", "may not set selector", { alsoAllowed: ["TKC3409", "TKC3401"] });
  const other = fullBundle().cron;
  other.spec.jobTemplate.spec.manualSelector = true;
  expectDiagnostic(run([other]), "TKC3713", "spec.jobTemplate.spec.manualSelector", "may not set manualSelector: true", { alsoAllowed: ["TKC3402"] });
});
