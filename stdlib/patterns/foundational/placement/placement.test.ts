import { test } from "node:test";
import assert from "node:assert/strict";
import { antiAffinity, daemon, nodePlacement, service, spreadReplicas } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const port = { name: "http", containerPort: 8080 };

test("spreadReplicas and antiAffinity select the workload's own pods", () => {
  const api = service({ name: "api", image: "a:1", port, patterns: [spreadReplicas({ mode: "required" }), antiAffinity({ per: "zone", mode: "required" })] });
  const pod = find(expand(api), "Deployment", "api").spec.template.spec;
  assert.deepEqual(pod.topologySpreadConstraints.map((c: any) => [c.topologyKey, c.whenUnsatisfiable]), [["topology.kubernetes.io/zone", "DoNotSchedule"], ["kubernetes.io/hostname", "DoNotSchedule"]]);
  assert.deepEqual(pod.topologySpreadConstraints[0].labelSelector.matchLabels, { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "rel" });
  assert.deepEqual(pod.topologySpreadConstraints[0].matchLabelKeys, ["pod-template-hash"]);
  assert.equal(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey, "topology.kubernetes.io/zone");
  assert.equal(failureCode(() => expand(daemon({ name: "d", image: "a:1", patterns: [spreadReplicas({})] }))), "TKC2232");
  assert.equal(failureCode(() => spreadReplicas({ maxSkew: 0 })), "TKC2240");
});

test("nodePlacement writes selector, affinity and tolerations, and checks tolerations", () => {
  const api = service({ name: "api", image: "a:1", port, patterns: [nodePlacement({ nodeSelector: { pool: "a" }, requireNodes: [{ key: "arch", operator: "In", values: ["arm64"] }], tolerations: [{ key: "pool", operator: "Equal", value: "a", effect: "NoSchedule" }] })] });
  const pod = find(expand(api), "Deployment", "api").spec.template.spec;
  assert.deepEqual(pod.nodeSelector, { pool: "a" });
  assert.equal(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key, "arch");
  assert.equal(pod.tolerations.length, 1);
  const bad = service({ name: "api", image: "a:1", port, patterns: [nodePlacement({ tolerations: [{ key: "k", tolerationSeconds: 30 }] })] });
  assert.equal(failureCode(() => expand(bad)), "TKC2240");
});

