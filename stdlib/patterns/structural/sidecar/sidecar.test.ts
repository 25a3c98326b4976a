import { test } from "node:test";
import assert from "node:assert/strict";
import { cronJob, job, service, sidecar } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

test("sidecar is native by default, shares volumes, and is refused as a plain container in Jobs", () => {
  const spec = podSpec(expand(service({ ...app, patterns: [sidecar({ name: "sync", image: "sync:1.0.0", volumes: [{ name: "content", mountPath: "/git", appMountPath: "/srv", readOnly: true }] })] })));
  assert.equal(spec.initContainers[0].restartPolicy, "Always");
  assert.deepEqual(spec.initContainers[0].volumeMounts, [{ name: "content", mountPath: "/git", readOnly: true }]);
  assert.deepEqual(spec.containers[0].volumeMounts, [{ name: "content", mountPath: "/srv" }]);
  assert.deepEqual(spec.volumes, [{ name: "content", emptyDir: {} }]);
  const plain = podSpec(expand(service({ ...app, patterns: [sidecar({ name: "sync", image: "sync:1.0.0", native: false })] })));
  assert.deepEqual(plain.containers.map((c: any) => c.name), ["api", "sync"]);
  assert.equal(plain.initContainers, undefined);
  throwsCode(() => expand(job({ name: "j", image: "j:1.0.0", patterns: [sidecar({ name: "p", image: "p:1.0.0", native: false })] })), "TKC2453");
  throwsCode(() => expand(cronJob({ name: "c", image: "c:1.0.0", schedule: "0 * * * *", patterns: [sidecar({ name: "p", image: "p:1.0.0", native: false })] })), "TKC2453");
  throwsCode(() => expand(service({ ...app, patterns: [sidecar({ name: "api", image: "p:1.0.0" })] })), "TKC2452");
  throwsCode(() => sidecar({ name: "Bad_Name", image: "p:1.0.0" }), "TKC2454");
  throwsCode(() => sidecar({ name: "p", image: "p:1.0.0", volumes: [{ name: "v", mountPath: "rel" }] }), "TKC2455");
});

