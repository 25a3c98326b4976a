import { test } from "node:test";
import assert from "node:assert/strict";
import { daemon, perEnv, service, worker } from "../../../index.js";
import { migrationJob, relaxSecurity } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" } },
};

test("migrationJob reuses image, env and security, with a content-hashed name", () => {
  const make = (image: string) => service({ ...base, image, env: { DB: "postgres" }, writablePaths: ["/tmp"], patterns: [migrationJob({ command: ["/migrate"] }), relaxSecurity({ reason: "r", runAsUser: 1000 })] });
  const objects = expand(make("registry.example.com/api:1.0.0"));
  const job = find(objects, "Job");
  assert.match(job.metadata.name, /^api-migrate-[0-9a-f]{10}$/);
  assert.equal(job.metadata.annotations?.["argocd.argoproj.io/hook"], "PreSync");
  assert.equal(job.metadata.annotations?.["helm.sh/hook"], "pre-install,pre-upgrade");
  assert.equal(job.spec.ttlSecondsAfterFinished, 86400);
  const pod = job.spec.template.spec;
  assert.equal(pod.restartPolicy, "Never");
  assert.equal(pod.containers[0].image, "registry.example.com/api:1.0.0");
  assert.deepEqual(pod.containers[0].env, [{ name: "DB", value: "postgres" }]);
  assert.deepEqual(pod.containers[0].volumeMounts, [{ name: "tmp-tmp", mountPath: "/tmp" }]);
  assert.equal(pod.securityContext.runAsUser, 1000, "patterns listed after migrationJob reach the Job");
  assert.equal(pod.containers[0].ports, undefined);
  assert.notEqual(job.spec.template.metadata.labels["app.kubernetes.io/name"], "api", "the Service must not select migration pods");
  assert.equal(find(expand(make("registry.example.com/api:1.0.0")), "Job").metadata.name, job.metadata.name, "deterministic");
  assert.notEqual(find(expand(make("registry.example.com/api:1.0.1")), "Job").metadata.name, job.metadata.name, "a new image is a new Job");
  const wave = find(expand(worker({ ...base, patterns: [migrationJob({ command: ["/migrate"], ordering: "wave" })] })), "Job");
  assert.deepEqual(wave.metadata.annotations, { "argocd.argoproj.io/sync-wave": "-1" });
  assert.equal(wave.spec.ttlSecondsAfterFinished, undefined);
});

test("migrationJob checks", () => {
  assertFails(() => migrationJob({ command: [] }), "TKC2700");
  assertFails(() => migrationJob({ command: ["/m"], backoffLimit: -1 }), "TKC2701");
  assertFails(() => migrationJob({ command: ["/m"], ordering: "later" as never }), "TKC2702");
  assertFails(() => migrationJob({ command: ["/m"], ordering: "wave", ttlSecondsAfterFinished: 60 }), "TKC2703");
  assertFails(() => expand(service({ ...base, patterns: [migrationJob({ command: ["/m"], activeDeadlineSeconds: perEnv({ dev: 60, prod: 0 }) })] })), "TKC2701");
  assertFails(() => expand(daemon({ ...base, patterns: [migrationJob({ command: ["/m"] })] })), "TKC2704");
});

