import { test } from "node:test";
import assert from "node:assert/strict";
import { daemon, perEnv, service, statefulService, worker } from "../../../index.js";
import { autoscale, instanceDownAlert, kedaScaling, migrationJob, podMonitor, prometheusScrape, relaxSecurity, serviceMonitor, verticalAutoscale } from "../index.js";
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

test("prometheusScrape annotates the pod template with the port number", () => {
  const annotations = find(expand(service({ ...base, patterns: [prometheusScrape({ port: "metrics" })] })), "Deployment").spec.template.metadata.annotations;
  assert.deepEqual(annotations, { "prometheus.io/scrape": "true", "prometheus.io/port": "9090", "prometheus.io/path": "/metrics", "prometheus.io/scheme": "http" });
  assertFails(() => expand(service({ ...base, patterns: [prometheusScrape({ port: "prom" })] })), "TKC2640", /'http', 'metrics'/);
  assertFails(() => prometheusScrape({ port: "metrics", path: "metrics" }), "TKC2641");
});

test("serviceMonitor, podMonitor and instanceDownAlert", () => {
  const objects = expand(service({ ...base, patterns: [serviceMonitor({ port: "metrics", interval: "30s", labels: { release: "kps" } }), instanceDownAlert({ severity: perEnv({ dev: "info", prod: "critical" }) })] }));
  const monitor = find(objects, "ServiceMonitor", "api");
  assert.deepEqual(monitor.spec.endpoints, [{ port: "metrics", path: "/metrics", scheme: "http", interval: "30s" }]);
  assert.equal(monitor.metadata.labels?.release, "kps");
  const rule = find(objects, "PrometheusRule", "api-alerts").spec.groups[0].rules[0];
  assert.equal(rule.expr, 'up{job="api", namespace="shop-prod"} == 0');
  assert.equal(rule.for, "5m");
  assert.equal(rule.labels.severity, "critical");
  const agent = expand(daemon({ ...base, patterns: [podMonitor({ port: "metrics" }), instanceDownAlert({})] }), "dev");
  assert.equal(find(agent, "PrometheusRule").spec.groups[0].rules[0].expr, 'up{job="shop-dev/api", namespace="shop-dev"} == 0');
  assertFails(() => expand(worker({ ...base, patterns: [serviceMonitor({ port: "metrics" })] })), "TKC2643");
  assertFails(() => serviceMonitor({ port: "metrics", interval: "30 s" }), "TKC2642");
  assertFails(() => instanceDownAlert({ severity: "Critical" }), "TKC2644");
  assertFails(() => expand(service({ ...base, patterns: [instanceDownAlert({})] })), "TKC2645");
});

test("verticalAutoscale emits a VPA and refuses to fight an HPA over the same resource", () => {
  const vpa = find(expand(statefulService({ ...base, patterns: [verticalAutoscale({ updateMode: "Recreate", maxAllowed: { memory: "4Gi" } })] })), "VerticalPodAutoscaler");
  assert.deepEqual(vpa.spec.targetRef, { apiVersion: "apps/v1", kind: "StatefulSet", name: "api" });
  assert.deepEqual(vpa.spec.updatePolicy, { updateMode: "Recreate" });
  assert.deepEqual(vpa.spec.resourcePolicy.containerPolicies, [{ containerName: "api", maxAllowed: { memory: "4Gi" } }]);
  assert.equal(find(expand(worker({ ...base, patterns: [verticalAutoscale({})] })), "VerticalPodAutoscaler").spec.updatePolicy.updateMode, "Off");
  assert.match(assertFails(() => verticalAutoscale({ updateMode: "Auto" as never }), "TKC2610").hint ?? "", /deprecated/);
  assertFails(() => verticalAutoscale({ minAllowed: { cpu: "2" }, maxAllowed: { cpu: "500m" } }), "TKC2611");
  assertFails(() => verticalAutoscale({ minAllowed: { cpu: "two" } }), "TKC2611");
  assertFails(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Recreate" })] })), "TKC2612", /cpu/);
  assertFails(() => expand(service({ ...base, patterns: [verticalAutoscale({ updateMode: "Initial" }), autoscale({ min: 1, max: 3, memory: 80 })] })), "TKC2612", /memory/);
  assert.doesNotThrow(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Recreate", controlledResources: ["memory"] })] })));
  assert.doesNotThrow(() => expand(service({ ...base, patterns: [autoscale({ min: 1, max: 3 }), verticalAutoscale({ updateMode: "Off" })] })));
});

test("kedaScaling emits a ScaledObject and owns the replica count", () => {
  const triggers = [{ type: "redis", metadata: { address: "redis:6379", listName: "jobs", listLength: "20" } }];
  const objects = expand(worker({ ...base, patterns: [kedaScaling({ max: 10, triggers })] }));
  const scaled = find(objects, "ScaledObject", "api");
  assert.equal(scaled.spec.minReplicaCount, 0);
  assert.equal(scaled.spec.maxReplicaCount, 10);
  assert.deepEqual(scaled.spec.triggers, triggers);
  assert.equal("replicas" in find(objects, "Deployment").spec, false, "KEDA owns the replica count");
  assertFails(() => kedaScaling({ max: 10, triggers: [] }), "TKC2620");
  assertFails(() => kedaScaling({ min: 3, max: 2, triggers }), "TKC2621");
  assertFails(() => kedaScaling({ max: 2, triggers: [{ type: "redis", metadata: { listLength: 20 as unknown as string } }] }), "TKC2622");
  const both = assertFails(() => expand(worker({ ...base, patterns: [autoscale({ min: 1, max: 3 }), kedaScaling({ max: 10, triggers })] })), "TKC2604", /autoscale\(\) and kedaScaling\(\)/);
  assert.match(both.hint ?? "", /KEDA creates its own HorizontalPodAutoscaler/);
});
