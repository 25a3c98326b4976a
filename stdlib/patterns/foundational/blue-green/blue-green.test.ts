import { test } from "node:test";
import assert from "node:assert/strict";
import { blueGreen, perEnv } from "../../../index.js";
import { expand, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

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

