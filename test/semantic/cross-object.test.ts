/* Cross-object checks: NetworkPolicy selectors against the bundle's pods, budgets against replicas. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { deployment, expectDiagnostic, fullBundle, type Loose, run } from "./fixtures.js";

const tkcLabels = { "app.kubernetes.io/managed-by": "tkc", "app.kubernetes.io/part-of": "shop" };

function releaseWorkload(name: string): Loose {
  return deployment(name, { "app.kubernetes.io/name": name, "app.kubernetes.io/instance": "shop" });
}

function allowFromPolicy(target: string, peers: string[]): Loose {
  const selector = (name: string) => ({ matchLabels: { "app.kubernetes.io/name": name, "app.kubernetes.io/instance": "shop" } });
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: `${target}-from-${peers.join("-")}`, namespace: "shop", labels: { ...tkcLabels, ...selector(target).matchLabels } },
    spec: { podSelector: selector(target), policyTypes: ["Ingress"], ingress: [{ from: peers.map((p) => ({ podSelector: selector(p) })) }] },
  };
}

test("TKC3340: a NetworkPolicy selecting no pod of the bundle is a warning", () => {
  const { web, netpol } = fullBundle();
  assert.deepEqual(run([web, netpol]), []);
  netpol.spec.podSelector = { matchLabels: { app: "wbe" } };
  expectDiagnostic(run([web, netpol]), "TKC3340", "spec.podSelector", 'NetworkPolicy "web" selects no pod of the bundle in namespace "shop"', { severity: "warning" });
  netpol.spec.podSelector = {};
  assert.deepEqual(run([web, netpol]), [], "an empty selector selects every pod");
});

test("TKC3341: a workload named by allowFrom() that is not in the release", () => {
  const db = releaseWorkload("db");
  const api = releaseWorkload("api");
  assert.deepEqual(run([db, api, allowFromPolicy("db", ["api"])]), []);
  const hit = expectDiagnostic(run([db, api, allowFromPolicy("db", ["api", "apii"])]), "TKC3341", "spec.ingress[0].from[1]", 'allowFrom() names workload "apii", which is not in the release');
  assert.equal(hit.hint, 'did you mean "api"?');
  const far = expectDiagnostic(run([db, api, allowFromPolicy("db", ["billing"])]), "TKC3341", "spec.ingress[0].from[0]", '"billing"');
  assert.match(far.hint ?? "", /name a workload of the release: "db", "api"/);
  const foreign = allowFromPolicy("db", ["billing"]);
  delete foreign.metadata.labels["app.kubernetes.io/managed-by"];
  assert.deepEqual(run([db, api, foreign]), [], "only tkc's own policies name release workloads");
  const admin = allowFromPolicy("db", ["api"]);
  admin.spec.ingress[0].from.push({ podSelector: { matchLabels: { "app.kubernetes.io/name": "api-migrate", "app.kubernetes.io/instance": "shop", "app.kubernetes.io/component": "migration" } } });
  assert.deepEqual(run([db, api, admin]), [], "migration peers are not workload names");
});

test("TKC3514: a budget no eviction can satisfy is a warning", () => {
  const web = releaseWorkload("web");
  web.spec.replicas = 1;
  const pdb: Loose = { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web", namespace: "shop" }, spec: { minAvailable: 1, selector: { matchLabels: web.spec.selector.matchLabels } } };
  const hit = expectDiagnostic(run([web, pdb]), "TKC3514", "spec.minAvailable", 'minAvailable 1 is not below the 1 replica of Deployment "web" (spec.replicas)', { severity: "warning" });
  assert.match(hit.hint ?? "", /maxUnavailable: 1/);
  web.spec.replicas = 3;
  assert.deepEqual(run([web, pdb]), []);
  const hpa: Loose = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "web", namespace: "shop" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] } };
  expectDiagnostic(run([web, pdb, hpa]), "TKC3514", "spec.minAvailable", 'the minimum of HorizontalPodAutoscaler "web"', { severity: "warning" });
  pdb.spec = { maxUnavailable: 1, selector: pdb.spec.selector };
  assert.deepEqual(run([web, pdb, hpa]), []);
});
