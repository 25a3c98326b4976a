import { test } from "node:test";
import assert from "node:assert/strict";
import { daemon, perEnv, service, worker } from "../../../index.js";
import { instanceDownAlert, podMonitor, prometheusScrape, serviceMonitor } from "../index.js";
import { assertFails, expand, find } from "../../../../test/support/patterns/advanced.js";

const base = {
  name: "api",
  image: "registry.example.com/api:1.0.0",
  ports: [{ name: "http", containerPort: 8080 }, { name: "metrics", containerPort: 9090 }],
  resources: { requests: { cpu: "100m", memory: "128Mi" } },
};

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

