import { test } from "node:test";
import assert from "node:assert/strict";
import { blueGreen, canary, canarySplit, perEnv, recreate, rollingUpdate, service, sized, worker, daemon } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

test("sized() returns the table's row, per environment too", () => {
  assert.deepEqual(sized("medium"), { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "512Mi" } });
  assert.deepEqual(sized("small", { guaranteed: true }).limits, { cpu: "100m", memory: "128Mi" });
  const api = service({ name: "api", image: "a:1", port, resources: sized(perEnv({ dev: "xsmall", prod: "2xlarge" })) });
  assert.equal(find(expand(api, "prod"), "Deployment", "api").spec.template.spec.containers[0].resources.requests.cpu, "2");
  assert.equal(failureCode(() => sized("huge" as never)), "TKC2220");
});

test("rollingUpdate sets the strategy and rejects both-zero and bad percentages", () => {
  const api = service({ name: "api", image: "a:1", port, patterns: [rollingUpdate({ maxSurge: 1, maxUnavailable: 0, minReadySeconds: 5 })] });
  const spec = find(expand(api), "Deployment", "api").spec;
  assert.deepEqual(spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
  assert.equal(spec.minReadySeconds, 5);
  assert.equal(failureCode(() => rollingUpdate({ maxSurge: 0, maxUnavailable: "0%" })), "TKC2230");
  assert.equal(failureCode(() => rollingUpdate({ maxSurge: "1.5%" })), "TKC2231");
  const perEnvZero = service({ name: "api", image: "a:1", port, patterns: [rollingUpdate({ maxSurge: perEnv({ dev: 0, prod: 1 }), maxUnavailable: 0 })] });
  assert.equal(failureCode(() => expand(perEnvZero, "dev")), "TKC2230");
  assert.doesNotThrow(() => expand(perEnvZero, "prod"));
});

test("recreate is for Deployments only", () => {
  const w = worker({ name: "w", image: "a:1", patterns: [recreate()] });
  assert.deepEqual(find(expand(w), "Deployment", "w").spec.strategy, { type: "Recreate" });
  assert.equal(failureCode(() => expand(daemon({ name: "d", image: "a:1", patterns: [recreate()] }))), "TKC2232");
});

test("blueGreen: two colour Deployments, the Service on the active one, the inactive scaled as asked", () => {
  const app = blueGreen({ name: "web", blue: "web:1", green: "web:2", active: perEnv({ dev: "green", prod: "blue" }), replicas: 3, inactiveReplicas: 0, port });
  const prod = expand(app, "prod");
  assert.equal(find(prod, "Deployment", "web-blue").spec.replicas, 3);
  assert.equal(find(prod, "Deployment", "web-green").spec.replicas, 0);
  assert.equal(find(prod, "Deployment", "web-green").spec.template.spec.containers[0].image, "web:2");
  assert.equal(find(prod, "Service", "web").spec.selector["tkc.dev/colour"], "blue");
  assert.equal(find(prod, "Service", "web-preview").spec.selector["tkc.dev/colour"], "green");
  assert.equal(find(expand(app, "dev"), "Service", "web").spec.selector["tkc.dev/colour"], "green");
  // Each Deployment's selector includes its colour, so the two never adopt each other's pods.
  assert.equal(find(prod, "Deployment", "web-blue").spec.selector.matchLabels["tkc.dev/colour"], "blue");
});

test("canarySplit keeps at least one pod on each side while 0 < weight < 100", () => {
  assert.deepEqual(canarySplit(10, 10), { stable: 9, canary: 1 });
  assert.deepEqual(canarySplit(10, 0), { stable: 10, canary: 0 });
  assert.deepEqual(canarySplit(4, 50), { stable: 2, canary: 2 });
  assert.deepEqual(canarySplit(4, 99), { stable: 1, canary: 3 });
  assert.deepEqual(canarySplit(3, 100), { stable: 0, canary: 3 });
  assert.deepEqual(canarySplit(1, 10), { stable: 1, canary: 1 });
});

test("canary: weight checked at the call; nginx mode adds track Services and a weighted canary Ingress", () => {
  assert.equal(failureCode(() => canary({ name: "s", image: "s:1", canaryImage: "s:2", weight: 101, port })), "TKC2234");
  const app = canary({ name: "s", image: "s:1", canaryImage: "s:2", weight: 20, replicas: 5, port, nginx: { host: "s.example.com" } });
  const objects = expand(app);
  assert.equal(find(objects, "Deployment", "s-stable").spec.replicas, 5);
  assert.equal(find(objects, "Deployment", "s-canary").spec.replicas, 1);
  assert.equal(find(objects, "Service", "s-canary").spec.selector["tkc.dev/track"], "canary");
  assert.equal(find(objects, "Service", "s").spec.selector["tkc.dev/track"], undefined);
  assert.equal(find(objects, "Ingress", "s-canary").metadata.annotations["nginx.ingress.kubernetes.io/canary-weight"], "20");
  assert.equal(find(objects, "Ingress", "s").spec.rules[0].http.paths[0].backend.service.name, "s-stable");
});
