import { test } from "node:test";
import assert from "node:assert/strict";
import { daemon, hostPathVolumes } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";


test("hostPathVolumes mounts read-only and refuses the restricted profile", () => {
  const d = daemon({ name: "d", image: "d:1", security: "none", patterns: [hostPathVolumes([{ name: "varlog", hostPath: "/var/log" }])] });
  const pod = find(expand(d), "DaemonSet", "d").spec.template.spec;
  assert.deepEqual(pod.volumes, [{ name: "varlog", hostPath: { path: "/var/log", type: "Directory" } }]);
  assert.deepEqual(pod.containers[0].volumeMounts, [{ name: "varlog", mountPath: "/var/log", readOnly: true }]);
  assert.equal(failureCode(() => expand(daemon({ name: "d", image: "d:1", patterns: [hostPathVolumes([{ name: "x", hostPath: "/x" }])] }))), "TKC2270");
  assert.equal(failureCode(() => hostPathVolumes([{ name: "x", hostPath: "relative" }])), "TKC2270");
});

