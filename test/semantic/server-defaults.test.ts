import assert from "node:assert/strict";
import { test } from "node:test";
import { withServerDefaults } from "../../compiler/validate/semantic/server-defaults.js";
import { deployment, expectDiagnostic, type Loose, run } from "./fixtures.js";

function daemonSet(): Loose {
  const d = deployment("agent");
  d.kind = "DaemonSet";
  delete d.spec.replicas;
  delete d.spec.strategy;
  return d;
}

test("defaulting: progressDeadlineSeconds 600 against a larger minReadySeconds", () => {
  const d = deployment();
  d.spec.minReadySeconds = 700;
  const hit = expectDiagnostic(run([d]), "TKC3404", "spec.progressDeadlineSeconds", "progressDeadlineSeconds 600 (the default) must be greater than minReadySeconds 700");
  assert.match(hit.hint ?? "", /defaults to 600/);
  d.spec.minReadySeconds = 599;
  assert.deepEqual(run([d]), []);
});

test("defaulting: a DaemonSet's maxUnavailable 1 against maxSurge", () => {
  const d = daemonSet();
  d.spec.updateStrategy = { rollingUpdate: { maxSurge: 1 } };
  const hit = expectDiagnostic(run([d]), "TKC3420", "spec.updateStrategy.rollingUpdate.maxSurge", "maxUnavailable is 1 (the default)");
  assert.match(hit.hint ?? "", /maxUnavailable: 0/);
  d.spec.updateStrategy.rollingUpdate.maxUnavailable = 0;
  assert.deepEqual(run([d]), []);
  d.spec.updateStrategy.rollingUpdate.maxUnavailable = "10%";
  expectDiagnostic(run([d]), "TKC3420", "spec.updateStrategy.rollingUpdate.maxSurge", 'maxUnavailable is "10%"');
  assert.deepEqual(run([daemonSet()]), [], "the defaults alone are valid");
});

test("defaulting: the 30 s grace period against a longer preStop sleep", () => {
  const d = deployment();
  d.spec.template.spec.containers[0].lifecycle = { preStop: { sleep: { seconds: 45 } } };
  const hit = expectDiagnostic(run([d]), "TKC3242", "spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds", "longer than the default terminationGracePeriodSeconds 30");
  assert.match(hit.hint ?? "", /at least 45/);
  d.spec.template.spec.terminationGracePeriodSeconds = 45;
  assert.deepEqual(run([d]), []);
});

test("defaulting: a volume with only a name is an emptyDir, and User/Group subjects need no apiGroup", () => {
  const d = deployment();
  d.spec.template.spec.volumes.push({ name: "scratch" });
  assert.deepEqual(run([d]), []);
  const binding: Loose = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "readers", namespace: "shop" },
    roleRef: { kind: "Role", name: "reader" },
    subjects: [{ kind: "User", name: "jane" }, { kind: "Group", name: "devs" }, { kind: "ServiceAccount", name: "web" }],
  };
  assert.deepEqual(run([binding]), []);
});

test("defaulting works on a copy: the written object is unchanged", () => {
  const d = deployment();
  d.spec.template.spec.volumes.push({ name: "scratch" });
  const before = JSON.stringify(d);
  const defaulted: Loose = withServerDefaults(d);
  assert.equal(JSON.stringify(d), before);
  assert.equal(defaulted.spec.progressDeadlineSeconds, 600);
  assert.deepEqual(defaulted.spec.template.spec.volumes[1], { name: "scratch", emptyDir: {} });
  run([d]);
  assert.equal(JSON.stringify(d), before);
});
