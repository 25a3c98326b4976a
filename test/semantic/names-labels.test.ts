import assert from "node:assert/strict";
import { test } from "node:test";
import { deployment, expectDiagnostic, fullBundle, pair, run, service } from "./fixtures.js";

test("TKC3101: metadata.name must be a DNS-1123 subdomain", () => {
  const p = pair();
  p.deployment.metadata.name = "Web_App";
  expectDiagnostic(run(p.list()), "TKC3101", "metadata.name", '"Web_App" is not a valid DNS-1123 subdomain');
});

test("TKC3101: RBAC names may contain ':' but not '/'", () => {
  const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "system:reader" } };
  assert.deepEqual(run([role]), []);
  const bad = { ...role, metadata: { name: "a/b" } };
  expectDiagnostic(run([bad]), "TKC3101", "metadata.name", "may not contain '/'");
});

test("TKC3102: a Service name must be a DNS-1035 label (no dots, starts with a letter)", () => {
  const p = pair();
  p.service.metadata.name = "web.v2";
  expectDiagnostic(run(p.list()), "TKC3102", "metadata.name", "is not a valid DNS-1035 label", { alsoAllowed: [] });
  p.service.metadata.name = "1web";
  expectDiagnostic(run(p.list()), "TKC3102", "metadata.name", "starting with a letter");
});

test("TKC3102: a Namespace name is a DNS-1123 label of at most 63 characters", () => {
  const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "a".repeat(64) } };
  expectDiagnostic(run([ns]), "TKC3102", "metadata.name", "at most 63 characters");
});

test("TKC3102: CronJob names are limited to 52 characters", () => {
  const cron = fullBundle().cron;
  cron.metadata.name = "r".repeat(53);
  expectDiagnostic(run([cron]), "TKC3102", "metadata.name", "the limit is 52");
});

test("TKC3103: an object without a name", () => {
  const p = pair();
  delete p.deployment.metadata.name;
  expectDiagnostic(run([p.deployment]), "TKC3103", "metadata.name", "has no metadata.name");
});

test("TKC3104: generateName is a warning", () => {
  const p = pair();
  delete p.deployment.metadata.name;
  p.deployment.metadata.generateName = "web-";
  expectDiagnostic(run([p.deployment]), "TKC3104", "metadata.generateName", "random name", { severity: "warning" });
});

test("TKC3105: label keys", () => {
  const p = pair();
  p.deployment.metadata.labels["Example.com/app"] = "x";
  expectDiagnostic(run(p.list()), "TKC3105", 'metadata.labels["Example.com/app"]', "has prefix");
  const q = pair();
  q.deployment.metadata.labels["a/b/c"] = "x";
  expectDiagnostic(run(q.list()), "TKC3105", 'metadata.labels["a/b/c"]', "at most one '/'");
});

test("TKC3106: label values, also in the pod template", () => {
  const p = pair();
  p.deployment.spec.template.metadata.labels.tier = "front end";
  expectDiagnostic(run(p.list()), "TKC3106", "spec.template.metadata.labels.tier", '"front end"');
  const q = pair();
  q.deployment.metadata.labels.version = "v".repeat(64);
  expectDiagnostic(run(q.list()), "TKC3106", "metadata.labels.version", "at most 63 characters");
});

test("TKC3106: empty label values are allowed", () => {
  const p = pair();
  p.deployment.metadata.labels.canary = "";
  assert.deepEqual(run(p.list()), []);
});

test("TKC3107: annotation keys (uppercase prefixes are tolerated, as the API lowercases them)", () => {
  const p = pair();
  p.deployment.metadata.annotations = { "Example.COM/Owner": "team", "-bad": "x" };
  expectDiagnostic(run(p.list()), "TKC3107", 'metadata.annotations["-bad"]', '"-bad" is not valid');
});

test("TKC3108: annotations over 256 KiB in total", () => {
  const p = pair();
  p.deployment.metadata.annotations = { "example.com/blob": "x".repeat(256 * 1024) };
  expectDiagnostic(run(p.list()), "TKC3108", "metadata.annotations", "over the 262144-byte");
});

test("TKC3109: metadata.namespace must be a DNS-1123 label", () => {
  const p = pair();
  p.service.metadata.namespace = "Shop";
  // The Service now lives in another namespace than the Deployment, so it also selects nothing.
  expectDiagnostic(run(p.list()), "TKC3109", "metadata.namespace", '"Shop"', { alsoAllowed: ["TKC3301"] });
});

test("TKC3110: duplicate objects across versions of a group, with the first as related", () => {
  const first = deployment();
  const second = deployment();
  second.apiVersion = "apps/v1beta2";
  const diagnostics = run([first, second, service()]);
  const hit = expectDiagnostic(diagnostics, "TKC3110", "metadata.name", "is defined twice");
  assert.equal(hit.location?.line, 2, "reported on the second object");
  assert.equal(hit.related?.[0]?.location?.line, 1, "related points at the first");
});

test("TKC3110: same name in another namespace or kind is fine", () => {
  const other = deployment();
  other.metadata.namespace = "other";
  const svc = service();
  assert.deepEqual(run([deployment(), other, svc, { ...service(), metadata: { name: "web", namespace: "other" }, spec: { ports: [{ port: 80 }] } }]), []);
});
