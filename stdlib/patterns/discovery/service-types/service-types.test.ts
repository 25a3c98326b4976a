import { test } from "node:test";
import assert from "node:assert/strict";
import { expose, headless, loadBalancer, nodePort, perEnv, service, statefulService, worker } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

const base = { name: "web", image: "registry.example.com/web:1.0.0", ports: [{ name: "http", containerPort: 8080, servicePort: 80 }, { name: "admin", containerPort: 9000 }] };

test("nodePort sets the type and the fixed node ports by port name, keeping every port", () => {
  const svc = expand(service({ ...base, patterns: [nodePort({ nodePorts: { admin: 30900 } })] })).get("Service/web");
  assert.equal(svc.spec.type, "NodePort");
  assert.deepEqual(svc.spec.ports, [
    { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
    { name: "admin", port: 9000, targetPort: "admin", protocol: "TCP", nodePort: 30900 },
  ]);
});

test("expose with perEnv settings chooses the Service type per environment", () => {
  const web = service({ ...base, patterns: [expose(perEnv({ dev: { type: "ClusterIP" }, prod: { type: "LoadBalancer", sourceRanges: ["10.0.0.0/8"], annotations: { a: "b" } } }))] });
  assert.equal(expand(web, "dev").get("Service/web").spec.type, "ClusterIP");
  const prod = expand(web, "prod").get("Service/web");
  assert.equal(prod.spec.type, "LoadBalancer");
  assert.deepEqual(prod.spec.loadBalancerSourceRanges, ["10.0.0.0/8"]);
  assert.deepEqual(prod.metadata.annotations, { a: "b" });
});

test("headless sets clusterIP None", () => {
  assert.equal(expand(service({ ...base, patterns: [headless()] })).get("Service/web").spec.clusterIP, "None");
});

test("service type checks: range, CIDR, misplaced options, unknown port, wrong workload", () => {
  throwsCode(() => nodePort({ nodePorts: { http: 80 } }), "TKC2401", /30000-32767/);
  throwsCode(() => loadBalancer({ sourceRanges: ["10.0.0.0/33"] }), "TKC2402");
  throwsCode(() => loadBalancer({ sourceRanges: ["2001:db8::/129"] }), "TKC2402");
  loadBalancer({ sourceRanges: ["2001:db8::/32", "192.168.1.1/32"] });
  throwsCode(() => expose({ type: "ClusterIP", nodePorts: { http: 30080 } }), "TKC2403", /nodePorts/);
  throwsCode(() => nodePort({ sourceRanges: ["10.0.0.0/8"] } as never), "TKC2403", /sourceRanges/);
  throwsCode(() => expand(service({ ...base, patterns: [nodePort({ nodePorts: { web: 30080 } })] })), "TKC2404", /http, admin/);
  throwsCode(() => expand(service({ ...base, patterns: [expose(perEnv({ dev: { type: "ClusterIP", sourceRanges: ["10.0.0.0/8"] } }))] })), "TKC2403", /environment 'dev'/);
  const db = statefulService({ name: "db", image: "db:1.0.0", port: { name: "db", containerPort: 5432 }, storage: [{ name: "data", mountPath: "/data", size: "1Gi" }], patterns: [loadBalancer()] });
  throwsCode(() => expand(db), "TKC2405", /headless governing/);
  throwsCode(() => expand(worker({ name: "w", image: "w:1.0.0", patterns: [headless()] })), "TKC2405");
});

