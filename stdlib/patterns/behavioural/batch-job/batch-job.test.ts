import { test } from "node:test";
import assert from "node:assert/strict";
import { cronJob, daemon, hostPathVolumes, job, leaderElection, singleton, statefulService, worker, workQueue } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

// Behavioural patterns live in their own family but share these helpers.

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

test("cronJob: the schedule is checked at the call", () => {
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "61 * * * *" })), "TKC2260");
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "TZ=UTC 0 3 * * *" })), "TKC2260");
  assert.equal(failureCode(() => cronJob({ name: "c", image: "c:1", schedule: "@daily", failedJobsHistoryLimit: -1 })), "TKC2261");
  assert.equal(find(expand(cronJob({ name: "c", image: "c:1", schedule: "@every 90s" })), "CronJob", "c").spec.schedule, "@every 90s");
});

test("hostPathVolumes mounts read-only and refuses the restricted profile", () => {
  const d = daemon({ name: "d", image: "d:1", security: "none", patterns: [hostPathVolumes([{ name: "varlog", hostPath: "/var/log" }])] });
  const pod = find(expand(d), "DaemonSet", "d").spec.template.spec;
  assert.deepEqual(pod.volumes, [{ name: "varlog", hostPath: { path: "/var/log", type: "Directory" } }]);
  assert.deepEqual(pod.containers[0].volumeMounts, [{ name: "varlog", mountPath: "/var/log", readOnly: true }]);
  assert.equal(failureCode(() => expand(daemon({ name: "d", image: "d:1", patterns: [hostPathVolumes([{ name: "x", hostPath: "/x" }])] }))), "TKC2270");
  assert.equal(failureCode(() => hostPathVolumes([{ name: "x", hostPath: "relative" }])), "TKC2270");
});

test("singleton: a StatefulSet of one by default, a Recreate Deployment when not strict, never a PDB", () => {
  const strict = expand(singleton({ name: "s", image: "s:1", port: { name: "http", containerPort: 80 } }));
  assert.equal(find(strict, "StatefulSet", "s").spec.replicas, 1);
  assert.ok(!strict.some((o) => o.kind === "PodDisruptionBudget"));
  const relaxed = expand(singleton({ name: "s", image: "s:1", strict: false }));
  assert.deepEqual(find(relaxed, "Deployment", "s").spec.strategy, { type: "Recreate" });
  assert.equal(find(relaxed, "Deployment", "s").spec.replicas, 1);
});

test("leaderElection grants the one Lease and hands the app its identity", () => {
  const objects = expand(worker({ name: "w", image: "w:1", replicas: 3, patterns: [leaderElection({ lease: "w-leader" })] }));
  const role = find(objects, "Role", "w-leader-election");
  assert.deepEqual(role.rules[1].resourceNames, ["w-leader"]);
  assert.equal(find(objects, "RoleBinding", "w-leader-election").subjects[0].name, "w");
  const pod = find(objects, "Deployment", "w").spec.template.spec;
  assert.equal(pod.serviceAccountName, "w");
  assert.deepEqual(pod.containers[0].env.map((e: any) => e.name), ["LEASE_NAME", "LEASE_NAMESPACE", "POD_NAME"]);
  // An existing ServiceAccount is bound, not created.
  const own = expand(worker({ name: "w", image: "w:1", serviceAccountName: "robot", patterns: [leaderElection({})] }));
  assert.ok(!own.some((o) => o.kind === "ServiceAccount"));
  assert.equal(find(own, "RoleBinding", "w-leader-election").subjects[0].name, "robot");
});

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

test("statefulService volumeRetention becomes the claim retention policy", () => {
  const s = statefulService({ name: "db", image: "db:1", port: { name: "db", containerPort: 5432 }, volumeRetention: { whenDeleted: "Delete" } });
  assert.deepEqual(find(expand(s), "StatefulSet", "db").spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: "Delete" });
});
