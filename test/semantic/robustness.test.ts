import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "../support/fast-check.js";
import type { KubeObject } from "../../compiler/model/object.js";
import { validateSemantics } from "../../compiler/validate/semantic/index.js";
import { fullBundle, pair, run } from "./fixtures.js";

const KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "Service", "Ingress", "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret", "Namespace", "ClusterRole"];
const VERSIONS = ["v1", "apps/v1", "batch/v1", "networking.k8s.io/v1", "autoscaling/v2", "policy/v1", "rbac.authorization.k8s.io/v1"];

/** Replace one random leaf of a valid object with junk, so most of the shape stays realistic. */
function corrupt(value: unknown, path: number[], junk: unknown): unknown {
  if (path.length === 0 || typeof value !== "object" || value === null) return junk;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return junk;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  copy[key] = corrupt(child, path.slice(1), junk);
  return copy;
}

test("property: no input shape makes the validator throw", () => {
  const objects = Object.values(fullBundle());
  fc.assert(
    fc.property(
      fc.array(fc.record({ which: fc.nat(), path: fc.array(fc.nat(), { maxLength: 9 }), junk: fc.jsonValue({ maxDepth: 2 }), kind: fc.constantFrom(...KINDS), apiVersion: fc.constantFrom(...VERSIONS), retag: fc.boolean() }), { maxLength: 6 }),
      (edits) => {
        const bundle: any[] = objects.map((o) => structuredClone(o));
        for (const e of edits) {
          const i = e.which % bundle.length;
          bundle[i] = corrupt(bundle[i], e.path, e.junk);
          if (e.retag && typeof bundle[i] === "object" && bundle[i] !== null && !Array.isArray(bundle[i])) bundle[i] = { ...bundle[i], kind: e.kind, apiVersion: e.apiVersion };
        }
        const diagnostics = validateSemantics(bundle.map((object) => ({ object: object as KubeObject })));
        for (const d of diagnostics) assert.match(d.code, /^TKC3[1-9]\d\d$/);
      },
    ),
    { numRuns: 300 },
  );
});

test("fully arbitrary JSON objects do not throw either", () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }), (values) => {
      validateSemantics(values.map((object) => ({ object: object as KubeObject })));
    }),
    { numRuns: 200 },
  );
});

test("diagnostics are ordered by object index, then path with numeric indexes", () => {
  const p = pair();
  const containers = p.deployment.spec.template.spec.containers;
  for (let i = 1; i <= 11; i++) containers.push({ ...structuredClone(containers[0]), name: `c${i}`, image: "nginx", ports: [] });
  const diagnostics = run([p.service, p.deployment]);
  const indexes = diagnostics.filter((d) => d.code === "TKC3205").map((d) => Number(/containers\[(\d+)\]/.exec(d.path ?? "")![1]));
  assert.deepEqual(indexes, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(run([p.service, p.deployment]), diagnostics, "same input, same output");
});

test("paths sort numerically even when rules report out of order", () => {
  const p = pair();
  const containers = p.deployment.spec.template.spec.containers;
  for (let i = 1; i <= 10; i++) containers.push({ name: `c${i}`, image: "nginx:1.27" });
  containers[10].image = "nginx:latest"; // reported by the containers rule, which runs first
  containers[2].livenessProbe = {}; // reported later by the probes rule
  const paths = run([p.deployment, p.service]).map((d) => d.path);
  assert.deepEqual(paths, ["spec.template.spec.containers[2].livenessProbe", "spec.template.spec.containers[10].image"]);
});

test("locations come from the deepest recorded field origin", () => {
  const p = pair();
  p.deployment.spec.template.spec.containers[0].image = "nginx:latest";
  const fieldOrigins = new Map([["/spec/template/spec/containers/0", { file: "/p/app.k8s.ts", line: 12, column: 5 }]]);
  const [d] = validateSemantics([{ object: p.deployment, origin: { file: "/p/app.k8s.ts", line: 3, column: 1 }, fieldOrigins }, { object: p.service }]);
  assert.equal(d?.code, "TKC3206");
  assert.deepEqual(d?.location, { file: "/p/app.k8s.ts", line: 12, column: 5 });
  assert.equal(d?.object, "apps/v1 Deployment shop/web");
});
