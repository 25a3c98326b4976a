import { test } from "node:test";
import assert from "node:assert/strict";
import { execProbe, grpcProbe, healthProbes, httpProbe, service, tcpProbe } from "../../../index.js";
import { expand, failureCode, find } from "../../../../test/support/patterns/foundational.js";

const ports = [{ name: "http", containerPort: 8080 }, { name: "grpc", containerPort: 50051 }];
const container = (objects: Record<string, any>[]) => find(objects, "Deployment", "api").spec.template.spec.containers[0];

test("healthProbes applies role defaults and derives a startup probe from liveness", () => {
  const api = service({ name: "api", image: "a:1", ports, patterns: [healthProbes({ readiness: httpProbe("/ready", "http"), liveness: tcpProbe("http", { periodSeconds: 20 }), startupSeconds: 61 })] });
  const c = container(expand(api));
  assert.deepEqual(c.readinessProbe, { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 });
  assert.deepEqual(c.livenessProbe, { tcpSocket: { port: "http" }, periodSeconds: 20, timeoutSeconds: 1, failureThreshold: 3 });
  // The startup probe uses its own timing, not the liveness period: ceil(61 / 5) = 13 checks.
  assert.deepEqual(c.startupProbe, { tcpSocket: { port: "http" }, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 13 });
});

test("grpcProbe resolves a port name to its number", () => {
  const api = service({ name: "api", image: "a:1", ports, patterns: [healthProbes({ readiness: grpcProbe("grpc") })] });
  assert.equal(container(expand(api)).readinessProbe.grpc.port, 50051);
});

test("a probe on an undeclared port fails when the workload expands", () => {
  const api = service({ name: "api", image: "a:1", ports, patterns: [healthProbes({ readiness: httpProbe("/ready", "metrics") })] });
  assert.equal(failureCode(() => expand(api)), "TKC2201");
});

test("probe helpers check their options at the call", () => {
  // One code per problem (issue 11: TKC2202 used to cover all of them).
  assert.equal(failureCode(() => httpProbe("ready", "http")), "TKC2205");
  assert.equal(failureCode(() => tcpProbe("http", { periodSeconds: 0 })), "TKC2202");
  assert.equal(failureCode(() => tcpProbe(70000)), "TKC2204");
  assert.equal(failureCode(() => tcpProbe("")), "TKC2204");
  assert.equal(failureCode(() => execProbe([])), "TKC2206");
  assert.equal(failureCode(() => healthProbes({})), "TKC2209");
  assert.equal(failureCode(() => healthProbes({ readiness: { path: "/ready" } as never })), "TKC2208");
  assert.equal(failureCode(() => expand(service({ name: "api", image: "a:1", ports, patterns: [healthProbes({ liveness: httpProbe("/live", "http", { successThreshold: 3 }) })] }))), "TKC2207");
});

test("a probe set by the workload and by healthProbes is an error", () => {
  const api = service({ name: "api", image: "a:1", ports, readiness: { tcpSocket: { port: "http" } }, patterns: [healthProbes({ readiness: httpProbe("/r", "http") })] });
  assert.equal(failureCode(() => expand(api)), "TKC2203");
});

