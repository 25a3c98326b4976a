import { test } from "node:test";
import assert from "node:assert/strict";
import { canary, canarySplit } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

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

