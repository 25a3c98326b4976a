import assert from "node:assert/strict";
import { test } from "node:test";
import { expectDiagnostic, fullBundle, pair, run, runAll } from "./fixtures.js";

test("TKC3401: matchLabels must select the template", () => {
  const p = pair();
  p.deployment.spec.selector.matchLabels = { app: "webapp" };
  const hit = expectDiagnostic(run(p.list()), "TKC3401", "spec.selector", "matchLabels requires app=webapp but the pod label is app=web");
  assert.equal(hit.related?.length, 1);
});

test("TKC3401: matchExpressions must select the template", () => {
  const p = pair();
  p.deployment.spec.selector.matchExpressions = [{ key: "tier", operator: "NotIn", values: ["frontend"] }];
  expectDiagnostic(run(p.list()), "TKC3401", "spec.selector", "tier NotIn");
  p.deployment.spec.selector.matchExpressions = [{ key: "tier", operator: "In", values: ["frontend", "web"] }, { key: "canary", operator: "DoesNotExist" }];
  assert.deepEqual(run(p.list()), []);
});

test("TKC3402: apps/v1 needs a non-empty selector", () => {
  const p = pair();
  p.deployment.spec.selector = {};
  expectDiagnostic(run(p.list()), "TKC3402", "spec.selector", "an empty spec.selector");
  delete p.deployment.spec.selector;
  expectDiagnostic(run(p.list()), "TKC3402", "spec.selector", "no spec.selector");
});

test("TKC3403: malformed selector expressions", () => {
  const p = pair();
  p.deployment.spec.selector.matchExpressions = [{ key: "tier", operator: "In", values: [] }];
  expectDiagnostic(run(p.list()), "TKC3403", "spec.selector.matchExpressions[0]", "needs at least one value");
  p.deployment.spec.selector.matchExpressions = [{ key: "tier", operator: "Equals", values: ["x"] }];
  expectDiagnostic(run(p.list()), "TKC3403", "spec.selector.matchExpressions[0]", '"Equals"');
});

test("TKC3409 and TKC3401: Job selectors", () => {
  const job = fullBundle().job;
  job.spec.selector = { matchLabels: { app: "seed" } };
  expectDiagnostic(run([job]), "TKC3409", "spec.selector", "without manualSelector: true");
  job.spec.manualSelector = true;
  expectDiagnostic(run([job]), "TKC3401", "spec.selector", "have no app");
});

test("TKC3404: counts", () => {
  const p = pair();
  p.deployment.spec.replicas = -1;
  expectDiagnostic(run(p.list()), "TKC3404", "spec.replicas", "-1");
  const q = pair();
  q.deployment.spec.revisionHistoryLimit = -3;
  expectDiagnostic(run(q.list()), "TKC3404", "spec.revisionHistoryLimit", "-3");
  const r = pair();
  r.deployment.spec.minReadySeconds = 60;
  r.deployment.spec.progressDeadlineSeconds = 30;
  expectDiagnostic(run(r.list()), "TKC3404", "spec.progressDeadlineSeconds", "must be greater than minReadySeconds 60");
});

test("TKC3405/3406: strategy type and rollingUpdate", () => {
  const p = pair();
  p.deployment.spec.strategy.type = "BlueGreen";
  expectDiagnostic(run(p.list()), "TKC3405", "spec.strategy.type", '"BlueGreen"');
  p.deployment.spec.strategy.type = "Recreate";
  expectDiagnostic(run(p.list()), "TKC3406", "spec.strategy.rollingUpdate", "type is Recreate");
});

test("TKC3407/3408: maxSurge and maxUnavailable", () => {
  const p = pair();
  p.deployment.spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: "0%" };
  expectDiagnostic(run(p.list()), "TKC3407", "spec.strategy.rollingUpdate", "both 0");
  p.deployment.spec.strategy.rollingUpdate = { maxSurge: "25", maxUnavailable: "150%" };
  const d = run(p.list());
  expectDiagnostic(d, "TKC3408", "spec.strategy.rollingUpdate.maxSurge", "neither a whole number nor a percentage");
  expectDiagnostic(d, "TKC3408", "spec.strategy.rollingUpdate.maxUnavailable", "over 100%");
});

test("TKC3410: StatefulSet serviceName should name a headless Service", () => {
  const b = fullBundle();
  b.db.spec.serviceName = "db";
  expectDiagnostic(run([b.db, b.headless]), "TKC3410", "spec.serviceName", 'names no Service in the bundle', { severity: "warning" });
  delete b.headless.spec.clusterIP;
  b.db.spec.serviceName = "db-headless";
  expectDiagnostic(run([b.db, b.headless]), "TKC3410", "spec.serviceName", "is not headless", { severity: "warning" });
});

test("TKC3411-3413: volume claim templates and podManagementPolicy", () => {
  const b = fullBundle();
  b.db.spec.volumeClaimTemplates.push({ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
  expectDiagnostic(run([b.db, b.headless]), "TKC3411", "spec.volumeClaimTemplates[1].metadata.name", "declared twice");
  const c = fullBundle();
  c.db.spec.volumeClaimTemplates.push({ metadata: { name: "scratch" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
  expectDiagnostic(run([c.db, c.headless]), "TKC3413", "spec.volumeClaimTemplates[1].metadata.name", "not mounted by any container", { severity: "warning" });
  const d = fullBundle();
  d.db.spec.podManagementPolicy = "Ordered";
  // runAll also runs the schema check, which (today) wants apiVersion/kind in claim templates.
  d.db.spec.volumeClaimTemplates[0] = { apiVersion: "v1", kind: "PersistentVolumeClaim", ...d.db.spec.volumeClaimTemplates[0] };
  expectDiagnostic(runAll([d.db, d.headless]), "TKC3412", "spec.podManagementPolicy", '"Ordered"');
  const e = fullBundle();
  e.db.spec.updateStrategy = { type: "OnDelete", rollingUpdate: { partition: 1 } };
  expectDiagnostic(run([e.db, e.headless]), "TKC3406", "spec.updateStrategy.rollingUpdate", "type is OnDelete");
});

test("TKC3407: a DaemonSet with maxUnavailable 0 stalls because maxSurge defaults to 0", () => {
  const p = pair();
  p.deployment.kind = "DaemonSet";
  delete p.deployment.spec.replicas;
  delete p.deployment.spec.strategy;
  p.deployment.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0 } };
  expectDiagnostic(run(p.list()), "TKC3407", "spec.updateStrategy.rollingUpdate", "both 0");
  p.deployment.spec.updateStrategy.rollingUpdate.maxSurge = 1;
  assert.deepEqual(run(p.list()), []);
});
