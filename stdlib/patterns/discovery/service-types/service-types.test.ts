import { test } from "node:test";
import assert from "node:assert/strict";
import { expose, externalService, headless, ingress, loadBalancer, nodePort, nginxAnnotations, perEnv, service, statefulService, downwardApi, worker } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

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

test("externalService with addresses: a selector-less Service and a matching EndpointSlice", () => {
  const objects = expand(externalService({ name: "billing-db", addresses: perEnv({ dev: ["10.0.0.5"], prod: ["10.0.0.6", "10.0.0.7"] }), port: 5432 }), "prod");
  const svc = objects.get("Service/billing-db");
  assert.equal(svc.spec.selector, undefined);
  assert.deepEqual(svc.spec.ports, [{ name: "tcp-5432", port: 5432, protocol: "TCP" }]);
  const slice = objects.get("EndpointSlice/billing-db-external");
  assert.equal(slice.metadata.labels["kubernetes.io/service-name"], "billing-db");
  assert.equal(slice.addressType, "IPv4");
  assert.deepEqual(slice.endpoints.map((e: any) => e.addresses[0]), ["10.0.0.6", "10.0.0.7"]);
  assert.deepEqual(slice.ports, [{ name: "tcp-5432", port: 5432, protocol: "TCP" }]);
  assert.equal(expand(externalService({ name: "v6", addresses: ["2001:db8::1"], port: 80 })).get("EndpointSlice/v6-external").addressType, "IPv6");
});

test("externalService with externalName: an ExternalName Service", () => {
  const svc = expand(externalService({ name: "payments", externalName: "api.payments.example.com" })).get("Service/payments");
  assert.deepEqual(svc.spec, { type: "ExternalName", externalName: "api.payments.example.com" });
});

test("externalService checks", () => {
  throwsCode(() => externalService({ name: "db" }), "TKC2406", /neither/);
  throwsCode(() => externalService({ name: "db", addresses: ["10.0.0.1"] }), "TKC2406", /no port/);
  throwsCode(() => externalService({ name: "db", addresses: ["db.example.com"], port: 1 }), "TKC2407", /not an IP/);
  throwsCode(() => externalService({ name: "db", addresses: ["10.0.0.1", "2001:db8::1"], port: 1 }), "TKC2407", /mixes/);
  throwsCode(() => externalService({ name: "db", addresses: ["300.0.0.1"], port: 1 }), "TKC2407");
  throwsCode(() => externalService({ name: "db", externalName: "10.0.0.1" }), "TKC2407", /not a DNS name/);
  throwsCode(() => externalService({ name: "1db", externalName: "db.example.com" }), "TKC2406", /DNS-1035/);
  throwsCode(() => expand(externalService({ name: "db", externalName: perEnv({ dev: "Not A Host" }) })), "TKC2407", /environment 'dev'/);
});

test("ingress: duplicate host+path is an error at the call, or per environment with perEnv hosts", () => {
  const route = { host: "shop.example.com", path: "/api", service: "api", port: "http" };
  throwsCode(() => ingress({ name: "shop", routes: [route, { ...route, service: "api-v2" }] }), "TKC2410", /routes\[0\] and routes\[1\]/);
  ingress({ name: "shop", routes: [route, { ...route, pathType: "Exact" }] });
  const perEnvHosts = ingress({ name: "shop", routes: [route, { ...route, host: perEnv({ dev: "shop.example.com", prod: "other.example.com" }) }] });
  assert.equal(expand(perEnvHosts, "prod").get("Ingress/shop").spec.rules.length, 2);
  throwsCode(() => expand(perEnvHosts, "dev"), "TKC2410", /environment 'dev'/);
});

test("ingress: class-specific annotation helpers and mismatch check", () => {
  assert.deepEqual(nginxAnnotations({ proxyBodySize: "8m", sslRedirect: false }), {
    "nginx.ingress.kubernetes.io/proxy-body-size": "8m",
    "nginx.ingress.kubernetes.io/ssl-redirect": "false",
  });
  throwsCode(() => nginxAnnotations({ proxyBodySize: "8Mi" }), "TKC2412");
  const routes = [{ host: "shop.example.com", service: "web", port: "http" }];
  throwsCode(() => ingress({ name: "shop", className: "traefik", routes, annotations: nginxAnnotations({ proxyBodySize: "8m" }) }), "TKC2411");
  ingress({ name: "shop", className: "haproxy", routes, annotations: nginxAnnotations({ proxyBodySize: "8m" }) });
});

test("downwardApi: env with default or chosen names, files with labels and resources", () => {
  const web = service({ ...base, patterns: [downwardApi({ env: { MY_POD: "podName", LIMIT: "cpuLimit" }, files: { mountPath: "/podinfo", fields: ["memoryLimit"] } })] });
  const spec = podSpec(expand(web));
  const app = spec.containers[0];
  assert.deepEqual(app.env, [
    { name: "MY_POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    { name: "LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1m" } } },
  ]);
  assert.deepEqual(app.volumeMounts, [{ name: "podinfo", mountPath: "/podinfo", readOnly: true }]);
  assert.deepEqual(spec.volumes[0].downwardAPI.items.map((i: any) => i.path), ["labels", "annotations", "memoryLimit"]);
  assert.equal(spec.volumes[0].downwardAPI.items[2].resourceFieldRef.containerName, "web");
  const list = podSpec(expand(service({ ...base, patterns: [downwardApi({ env: ["namespace", "nodeName"] })] }))).containers[0].env;
  assert.deepEqual(list.map((e: any) => e.name), ["POD_NAMESPACE", "NODE_NAME"]);
});

test("downwardApi checks", () => {
  throwsCode(() => downwardApi({ env: ["podname" as never] }), "TKC2420");
  throwsCode(() => downwardApi({}), "TKC2420");
  throwsCode(() => downwardApi({ files: { mountPath: "podinfo" } }), "TKC2421");
  throwsCode(() => downwardApi({ files: { fields: ["podIP"] } }), "TKC2421", /only available as an env var/);
  throwsCode(() => expand(service({ ...base, env: { POD_NAME: "x" }, patterns: [downwardApi({ env: ["podName"] })] })), "TKC2422", /POD_NAME/);
});
