import assert from "node:assert/strict";
import { test } from "node:test";
import { deployment, expectDiagnostic, fullBundle, run } from "./fixtures.js";

function hpa() {
  const b = fullBundle();
  return { h: b.hpa, list: () => [b.web, b.hpa] };
}

test("TKC3501: scaleTargetRef not in the bundle warns", () => {
  const x = hpa();
  x.h.spec.scaleTargetRef.kind = "StatefulSet";
  expectDiagnostic(run(x.list()), "TKC3501", "spec.scaleTargetRef", 'StatefulSet "web" is not in the bundle', { severity: "warning" });
});

test("TKC3502: minReplicas 0 needs HPAScaleToZero", () => {
  const x = hpa();
  x.h.spec.minReplicas = 0;
  const hit = expectDiagnostic(run(x.list()), "TKC3502", "spec.minReplicas", "must be at least 1");
  assert.match(hit.hint ?? "", /HPAScaleToZero/);
});

test("TKC3503: maxReplicas below minReplicas", () => {
  const x = hpa();
  x.h.spec.maxReplicas = 1;
  expectDiagnostic(run(x.list()), "TKC3503", "spec.maxReplicas", "at least minReplicas (2)");
});

test("TKC3504: metric type and source must agree", () => {
  const x = hpa();
  x.h.spec.metrics[0].type = "Pods";
  expectDiagnostic(run(x.list()), "TKC3504", "spec.metrics[0]", "must set pods (it is missing)");
  const y = hpa();
  y.h.spec.metrics[1].type = "Custom";
  expectDiagnostic(run(y.list()), "TKC3504", "spec.metrics[1].type", '"Custom"');
});

test("TKC3505: utilization targets", () => {
  const x = hpa();
  x.h.spec.metrics[0].resource.target.averageUtilization = 0;
  expectDiagnostic(run(x.list()), "TKC3505", "spec.metrics[0].resource.target.averageUtilization", "must be greater than 0");
  const y = hpa();
  y.h.spec.metrics[1].pods.target = { type: "Utilization", averageUtilization: 50 };
  expectDiagnostic(run(y.list()), "TKC3505", "spec.metrics[1].pods.target.type", "only allowed for Resource and ContainerResource");
  const z = hpa();
  z.h.spec.metrics[1].pods.target = { type: "AverageValue" };
  expectDiagnostic(run(z.list()), "TKC3505", "spec.metrics[1].pods.target", "must set averageValue");
});

function pdb() {
  const b = fullBundle();
  return { p: b.pdb, list: () => [b.web, b.pdb] };
}

test("TKC3511: exactly one of minAvailable/maxUnavailable", () => {
  const x = pdb();
  x.p.spec.maxUnavailable = "10%";
  expectDiagnostic(run(x.list()), "TKC3511", "spec.maxUnavailable", "both minAvailable and maxUnavailable");
  delete x.p.spec.maxUnavailable;
  delete x.p.spec.minAvailable;
  expectDiagnostic(run(x.list()), "TKC3511", "spec", "has no effect", { severity: "warning" });
});

test("TKC3512: a selector matching no workload warns", () => {
  const x = pdb();
  x.p.spec.selector = { matchLabels: { app: "api" } };
  expectDiagnostic(run(x.list()), "TKC3512", "spec.selector", "matches no pod template", { severity: "warning" });
});

test("TKC3512: the related workload is the one whose labels come closest to the selector", () => {
  const x = pdb();
  x.p.spec.selector = { matchLabels: { app: "apj" } };
  const hit = expectDiagnostic(run([...x.list(), deployment("api")]), "TKC3512", "spec.selector", "matches no pod template", { severity: "warning" });
  assert.equal(hit.related?.[0]?.message, 'Deployment "api" pod labels are here');
});

test("TKC3513: budget values", () => {
  const x = pdb();
  x.p.spec.minAvailable = "50 %";
  expectDiagnostic(run(x.list()), "TKC3513", "spec.minAvailable", "neither a whole number nor a percentage");
  x.p.spec.minAvailable = -1;
  expectDiagnostic(run(x.list()), "TKC3513", "spec.minAvailable", "must be a whole number >= 0");
});
