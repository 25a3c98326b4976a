// One mistake, one report: a semantic finding at a path where the schema already failed is dropped.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../../compiler/model/object.js";
import { validateObjects } from "../../compiler/validate/validate.js";

const deployment = (podSpec: Record<string, unknown>) =>
  ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: podSpec } },
  }) as unknown as KubeObject;

const codes = (object: KubeObject) => validateObjects([{ object }], "1.36").map((d) => `${d.code} ${d.path}`);

test("a pod template with no containers is one missing field, not also 'has no containers'", () => {
  assert.deepEqual(codes(deployment({})), ["TKC3004 spec.template.spec.containers"]);
});

test("a bad quantity is one schema error, not also the semantic quantity check", () => {
  const object = deployment({ containers: [{ name: "web", image: "nginx:1.27.1", resources: { limits: { memory: "1 GB" } } }] });
  assert.deepEqual(codes(object), ["TKC3005 spec.template.spec.containers[0].resources.limits.memory"]);
});

test("semantic findings elsewhere in the object are kept", () => {
  const object = deployment({ containers: [{ name: "Web", image: "nginx:1.27.1", resources: { limits: { memory: "1 GB" } } }] });
  assert.deepEqual(codes(object), ["TKC3005 spec.template.spec.containers[0].resources.limits.memory", "TKC3202 spec.template.spec.containers[0].name"]);
});

test("a number where an integer belongs is one type error, not also the int32 format's", () => {
  const object = { ...deployment({ containers: [{ name: "web", image: "nginx:1.27.1" }] }), spec: { ...(deployment({}).spec as object), replicas: 1.5, template: (deployment({ containers: [{ name: "web", image: "nginx:1.27.1" }] }).spec as { template: unknown }).template } } as unknown as KubeObject;
  assert.deepEqual(codes(object), ["TKC3003 spec.replicas"]);
  // a whole number out of int32's range is the format's alone
  const huge = { ...object, spec: { ...(object.spec as object), replicas: 2 ** 40 } } as unknown as KubeObject;
  assert.deepEqual(codes(huge), ["TKC3005 spec.replicas"]);
});
