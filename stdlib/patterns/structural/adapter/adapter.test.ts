import { test } from "node:test";
import assert from "node:assert/strict";
import { exporter, service } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

test("exporter: metrics port, scrape annotations, and clashes", () => {
  const objects = expand(service({ ...app, patterns: [exporter({ image: "exp:1.0.0", port: 9187, path: "/stats" })] }));
  const template = objects.get("Deployment/api").spec.template;
  assert.deepEqual(template.metadata.annotations, { "prometheus.io/scrape": "true", "prometheus.io/port": "9187", "prometheus.io/path": "/stats" });
  assert.deepEqual(template.spec.initContainers[0].ports, [{ name: "metrics", containerPort: 9187, protocol: "TCP" }]);
  throwsCode(() => expand(service({ ...app, patterns: [exporter({ image: "e:1.0.0", port: 8080 })] })), "TKC2457", /8080/);
  throwsCode(() => expand(service({ ...app, port: { name: "metrics", containerPort: 8080 }, patterns: [exporter({ image: "e:1.0.0", port: 9100 })] })), "TKC2457", /port name/);
  throwsCode(() => expand(service({ ...app, patterns: [exporter({ image: "e:1.0.0", port: 9100 }), exporter({ name: "e2", portName: "m2", image: "e:1.0.0", port: 9101 })] })), "TKC2457", /scrape/);
  throwsCode(() => exporter({ image: "e:1.0.0", port: 70000 }), "TKC2458");
  throwsCode(() => exporter({ image: "e:1.0.0", port: 9100, portName: "prometheus-metrics" }), "TKC2458");
});

