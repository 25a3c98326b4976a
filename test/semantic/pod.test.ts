import assert from "node:assert/strict";
import { test } from "node:test";
import { imagePin } from "../../syntax/index.js";
import { expectDiagnostic, fullBundle, pair, run, runAll } from "./fixtures.js";

const C = "spec.template.spec.containers[0]";

function broken(edit: (container: any, podSpec: any, deployment: any) => void) {
  const p = pair();
  const podSpec = p.deployment.spec.template.spec;
  edit(podSpec.containers[0], podSpec, p.deployment);
  return run(p.list());
}

test("TKC3201: a pod template needs a container", () => {
  const p = pair();
  p.deployment.spec.template.spec.containers = [];
  // With no containers, the Service's named targetPort has nothing to point at either.
  expectDiagnostic(run(p.list()), "TKC3201", "spec.template.spec.containers", "has no containers", { alsoAllowed: ["TKC3302", "TKC3218"] });
});

test("TKC3202/3203: container names are DNS labels and unique across init and app containers", () => {
  expectDiagnostic(broken((c) => (c.name = "App")), "TKC3202", `${C}.name`, '"App" is not a valid DNS-1123 label');
  const d = broken((_c, spec) => (spec.initContainers[0].name = "app"));
  const hit = expectDiagnostic(d, "TKC3203", `${C}.name`, '"app" is used twice');
  assert.equal(hit.related?.length, 1);
});

test("TKC3204-3206: images must be present and pinned", () => {
  expectDiagnostic(broken((c) => delete c.image), "TKC3204", `${C}.image`, "has no image");
  expectDiagnostic(broken((c) => (c.image = "registry.example.com:5000/shop/web")), "TKC3205", `${C}.image`, "has no tag");
  expectDiagnostic(broken((c) => (c.image = "registry.example.com:5000/shop/web:")), "TKC3205", `${C}.image`, "has an empty tag (it ends with ':'), which no container runtime can pull");
  expectDiagnostic(broken((c) => (c.image = "nginx:latest")), "TKC3206", `${C}.image`, "uses :latest");
});

test("TKC3259: an image the kubelet cannot parse, once, and not as a missing tag too", () => {
  const d = broken((c) => (c.image = "Shop/Web"));
  const hit = expectDiagnostic(d, "TKC3259", `${C}.image`, 'image "Shop/Web" of container "app" is not an image reference the kubelet can parse: its repository "Web" has capital letters');
  assert.equal(hit.severity, "error");
  assert.ok(!d.some((x) => x.code === "TKC3205"), "no second finding for the same image");
  // whitespace around it is the API server's own refusal (TKC3255), not this
  assert.ok(!broken((c) => (c.image = " nginx:1.27")).some((x) => x.code === "TKC3259"));
});

test("imagePin tells registry ports from tags and sees digests", () => {
  assert.deepEqual(imagePin("localhost:5000/app"), {});
  assert.deepEqual(imagePin("localhost:5000/app:1.0"), { tag: "1.0" });
  assert.deepEqual(imagePin("app@sha256:abc"), { digest: "sha256:abc" });
  assert.deepEqual(imagePin("app:latest@sha256:abc"), { tag: "latest", digest: "sha256:abc" });
});

test("TKC3207/3208: container port names", () => {
  expectDiagnostic(broken((c) => (c.ports[1].name = "metrics-endpoint1")), "TKC3207", `${C}.ports[1].name`, "at most 15 characters", { alsoAllowed: ["TKC3302"] });
  expectDiagnostic(broken((c) => (c.ports[1].name = "9090")), "TKC3207", `${C}.ports[1].name`, "at least one letter", { alsoAllowed: ["TKC3302"] });
  expectDiagnostic(broken((c) => (c.ports[1].name = "my--port")), "TKC3207", `${C}.ports[1].name`, "'--'", { alsoAllowed: ["TKC3302"] });
  expectDiagnostic(broken((c) => (c.ports[1].name = "http")), "TKC3208", `${C}.ports[1].name`, '"http" is used twice');
});

test("TKC3209/3222: containerPort range and protocol", () => {
  expectDiagnostic(broken((c) => (c.ports[1].containerPort = 70000)), "TKC3209", `${C}.ports[1].containerPort`, "70000", { alsoAllowed: ["TKC3303"] });
  const p = pair();
  p.deployment.spec.template.spec.containers[0].ports[1].protocol = "tcp";
  expectDiagnostic(runAll(p.list()), "TKC3222", `${C}.ports[1].protocol`, '"tcp"', { alsoAllowed: ["TKC3303"] });
});

test("TKC3210: a probe naming a port the container lacks", () => {
  expectDiagnostic(broken((c) => (c.readinessProbe.httpGet.port = "web")), "TKC3210", `${C}.readinessProbe.httpGet.port`, 'uses port "web"');
});

test("TKC3211: exactly one probe handler", () => {
  expectDiagnostic(broken((c) => (c.livenessProbe.exec = { command: ["true"] })), "TKC3211", `${C}.livenessProbe`, "2 handlers");
  expectDiagnostic(broken((c) => (c.livenessProbe = { periodSeconds: 5 })), "TKC3211", `${C}.livenessProbe`, "has no handler");
});

test("TKC3212: probe numbers", () => {
  expectDiagnostic(broken((c) => (c.livenessProbe.successThreshold = 2)), "TKC3212", `${C}.livenessProbe.successThreshold`, "must be 1 for liveness");
  expectDiagnostic(broken((c) => (c.readinessProbe.initialDelaySeconds = -1)), "TKC3212", `${C}.readinessProbe.initialDelaySeconds`, "non-negative");
  expectDiagnostic(broken((c) => (c.readinessProbe.periodSeconds = 0)), "TKC3212", `${C}.readinessProbe.periodSeconds`, "replaces it with the default 10", { severity: "warning" });
  assert.deepEqual(broken((c) => (c.readinessProbe.successThreshold = 3)), [], "readiness may need several successes");
});

test("TKC3213: requests greater than limits, compared as exact quantities", () => {
  expectDiagnostic(broken((c) => (c.resources.requests.memory = "600Mi")), "TKC3213", `${C}.resources.requests.memory`, 'request "600Mi" of container "app" is greater than its limit "0.5Gi"');
  assert.deepEqual(broken((c) => (c.resources.requests.memory = "512Mi")), [], "0.5Gi == 512Mi");
  expectDiagnostic(broken((c) => (c.resources.requests.cpu = "1001m")), "TKC3213", `${C}.resources.requests.cpu`, "greater than its limit");
});

test("TKC3214: malformed and negative quantities", () => {
  expectDiagnostic(broken((c) => (c.resources.limits.memory = "512MB")), "TKC3214", `${C}.resources.limits.memory`, '"512MB" of container "app" is not a valid quantity');
  expectDiagnostic(broken((c) => (c.resources.requests.cpu = "-1")), "TKC3214", `${C}.resources.requests.cpu`, "is negative");
});

test("TKC3215-3217: env names, duplicates, valueFrom", () => {
  expectDiagnostic(broken((c) => (c.env[0].name = "A=B")), "TKC3215", `${C}.env[0].name`, "must not contain '='");
  assert.deepEqual(broken((c) => (c.env[0].name = "my.dotted-name")), [], "relaxed names are fine");
  const dup = expectDiagnostic(broken((c) => c.env.push({ name: "LOG_LEVEL", value: "debug" })), "TKC3216", `${C}.env[2].name`, "the later one wins", { severity: "warning" });
  assert.equal(dup.related?.length, 1);
  expectDiagnostic(broken((c) => (c.env[1].valueFrom.secretKeyRef = { name: "s", key: "k" })), "TKC3217", `${C}.env[1].valueFrom`, "2 sources");
  expectDiagnostic(broken((c) => (c.env[1].valueFrom = {})), "TKC3217", `${C}.env[1].valueFrom`, "no source");
  expectDiagnostic(broken((c) => (c.env[1].value = "x")), "TKC3217", `${C}.env[1].value`, "both value and valueFrom");
});

test("TKC3218-3220, TKC3223: volumes and mounts", () => {
  expectDiagnostic(broken((c) => (c.volumeMounts[0].name = "cfg")), "TKC3218", `${C}.volumeMounts[0].name`, 'mounts volume "cfg", which the pod does not declare');
  expectDiagnostic(broken((_c, spec) => (spec.volumes[0].name = "Config")), "TKC3219", "spec.template.spec.volumes[0].name", "not a valid DNS-1123 label", { alsoAllowed: ["TKC3218"] });
  expectDiagnostic(broken((_c, spec) => spec.volumes.push({ name: "config", emptyDir: {} })), "TKC3220", "spec.template.spec.volumes[1].name", "declared twice");
  expectDiagnostic(broken((c, spec) => { spec.volumes.push({ name: "tmp", emptyDir: {} }); c.volumeMounts.push({ name: "tmp", mountPath: "/etc/web" }); }), "TKC3223", `${C}.volumeMounts[1].mountPath`, 'two volumes at "/etc/web"');
});

test("TKC3221: restartPolicy per kind", () => {
  expectDiagnostic(broken((_c, spec) => (spec.restartPolicy = "OnFailure")), "TKC3221", "spec.template.spec.restartPolicy", "only Always");
  const job = fullBundle().job;
  delete job.spec.template.spec.restartPolicy;
  expectDiagnostic(run([job]), "TKC3221", "spec.template.spec.restartPolicy", "default Always is not allowed");
  const cron = fullBundle().cron;
  cron.spec.jobTemplate.spec.template.spec.restartPolicy = "Always";
  expectDiagnostic(run([cron]), "TKC3221", "spec.jobTemplate.spec.template.spec.restartPolicy", '"Always" is not allowed for a CronJob');
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { restartPolicy: "Sometimes", containers: [{ name: "c", image: "busybox:1.36" }] } };
  expectDiagnostic(run([pod]), "TKC3221", "spec.restartPolicy", '"Sometimes"');
});

test("TKC3247: tolerations as ValidateTolerations checks them", () => {
  const withToleration = (toleration: Record<string, unknown>) => broken((_c, spec) => (spec.tolerations = [toleration]));
  // Lt/Gt need the TaintTolerationComparisonOperators gate, off by default (kubernetes/website pod-with-numeric-toleration.yaml)
  expectDiagnostic(withToleration({ key: "example.com/gpu", operator: "Gt", value: "2", effect: "NoSchedule" }), "TKC3247", "spec.template.spec.tolerations[0].operator", "feature gate");
  expectDiagnostic(withToleration({ key: "a", operator: "Exists", value: "x" }), "TKC3247", "spec.template.spec.tolerations[0].value", "must be empty when the operator is Exists");
  expectDiagnostic(withToleration({ operator: "Equal", value: "x" }), "TKC3247", "spec.template.spec.tolerations[0].operator", "no key must use operator Exists");
  expectDiagnostic(withToleration({ key: "a", tolerationSeconds: 30, effect: "NoSchedule" }), "TKC3247", "spec.template.spec.tolerations[0].tolerationSeconds", "needs effect NoExecute");
  expectDiagnostic(withToleration({ key: "a", effect: "NoScheduel" }), "TKC3247", "spec.template.spec.tolerations[0].effect", "not one of");
  for (const ok of [{ operator: "Exists" }, { key: "a", value: "b", effect: "NoExecute", tolerationSeconds: 60 }, { key: "a", operator: "Exists", effect: "PreferNoSchedule" }]) {
    assert.deepEqual(withToleration(ok).filter((d) => d.code === "TKC3247"), [], JSON.stringify(ok));
  }
});
