import assert from "node:assert/strict";
import { test } from "node:test";
import { deployment, expectDiagnostic, fullBundle, pair, run, runAll, service } from "./fixtures.js";

test("TKC3301: a selector that matches nothing warns and names the closest workload", () => {
  const p = pair();
  p.service.spec.selector = { app: "web", tier: "backend" };
  const other = deployment("api");
  const hit = expectDiagnostic(run([...p.list(), other]), "TKC3301", "spec.selector", 'the closest is Deployment "web"', { severity: "warning" });
  assert.equal(hit.related?.[0]?.location?.line, 1);
});

test("TKC3301: a typo in a selector value names the workload whose label is closest, not the first one", () => {
  const p = pair();
  p.service.spec.selector = { app: "apj" };
  const hit = expectDiagnostic(run([...p.list(), deployment("api")]), "TKC3301", "spec.selector", 'the closest is Deployment "api"', { severity: "warning" });
  assert.match(hit.message, /labels \{"app":"api"/);
});

test("TKC3301: workloads in another namespace do not count", () => {
  const p = pair();
  p.service.metadata.namespace = "other";
  expectDiagnostic(run(p.list()), "TKC3301", "spec.selector", 'in namespace "other"', { severity: "warning" });
});

test("TKC3302: a named targetPort missing from the selected pods is an error", () => {
  const p = pair();
  p.service.spec.ports[0].targetPort = "https";
  expectDiagnostic(run(p.list()), "TKC3302", "spec.ports[0].targetPort", 'targetPort "https" is not a named TCP container port of Deployment "web" (it names: "http", "metrics")');
});

test("TKC3302: the protocol must match too", () => {
  const p = pair();
  p.service.spec.ports[0].protocol = "UDP";
  expectDiagnostic(run(p.list()), "TKC3302", "spec.ports[0].targetPort", "named UDP container port");
});

test("TKC3303: a numeric targetPort the pods do not declare is a warning", () => {
  const p = pair();
  p.service.spec.ports[1].targetPort = 9091;
  expectDiagnostic(run(p.list()), "TKC3303", "spec.ports[1].targetPort", "(it declares: 8080, 9090)", { severity: "warning" });
  const q = pair();
  delete q.service.spec.ports[1].targetPort;
  q.service.spec.ports[1].port = 9443;
  expectDiagnostic(run(q.list()), "TKC3303", "spec.ports[1].port", "targetPort 9443", { severity: "warning" });
});

test("TKC3304: port names are required with several ports, unique, and DNS labels", () => {
  const p = pair();
  delete p.service.spec.ports[1].name;
  expectDiagnostic(run(p.list()), "TKC3304", "spec.ports[1].name", "has no name");
  const q = pair();
  q.service.spec.ports[1].name = "http";
  expectDiagnostic(run(q.list()), "TKC3304", "spec.ports[1].name", '"http" is used twice');
  const r = pair();
  r.service.spec.ports = [];
  expectDiagnostic(run(r.list()), "TKC3304", "spec.ports", "has no ports");
});

test("TKC3305-3307: port numbers, protocol, type", () => {
  const p = pair();
  p.service.spec.ports[0].port = 0;
  expectDiagnostic(run(p.list()), "TKC3305", "spec.ports[0].port", "0 is not a port number");
  const q = pair();
  q.service.spec.ports[1].protocol = "HTTP";
  expectDiagnostic(runAll(q.list()), "TKC3306", "spec.ports[1].protocol", '"HTTP"');
  const r = pair();
  r.service.spec.type = "Internal";
  expectDiagnostic(runAll(r.list()), "TKC3307", "spec.type", '"Internal"');
});

test("TKC3308: headless only with ClusterIP", () => {
  const p = pair();
  p.service.spec.clusterIP = "None";
  p.service.spec.type = "LoadBalancer";
  expectDiagnostic(run(p.list()), "TKC3308", "spec.clusterIP", "LoadBalancer");
});

test("TKC3309: nodePort only for NodePort/LoadBalancer, default range is a warning", () => {
  const p = pair();
  p.service.spec.ports[0].nodePort = 30080;
  expectDiagnostic(run(p.list()), "TKC3309", "spec.ports[0].nodePort", "may not be set on a ClusterIP");
  p.service.spec.type = "NodePort";
  assert.deepEqual(run(p.list()), []);
  p.service.spec.ports[0].nodePort = 8080;
  expectDiagnostic(run(p.list()), "TKC3309", "spec.ports[0].nodePort", "outside the default node port range", { severity: "warning" });
});

test("TKC3310: ExternalName needs externalName; its selector is ignored", () => {
  const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "db" }, spec: { type: "ExternalName" } };
  expectDiagnostic(run([svc]), "TKC3310", "spec.externalName", "has no spec.externalName");
  const withSelector = { ...svc, spec: { type: "ExternalName", externalName: "db.example.com", selector: { app: "db" } } };
  expectDiagnostic(run([withSelector]), "TKC3310", "spec.selector", "ignores", { severity: "warning" });
});

function ingress() {
  const b = fullBundle();
  return { b, list: () => [b.web, b.webService, b.ingress] };
}
const P = "spec.rules[0].http.paths[0]";

test("TKC3311: backend Service not in the bundle is a warning", () => {
  const i = ingress();
  i.b.ingress.spec.rules[0].http.paths[0].backend.service.name = "api";
  expectDiagnostic(run(i.list()), "TKC3311", `${P}.backend.service.name`, 'Service "api" is not in the bundle', { severity: "warning" });
});

test("TKC3312: backend port must exist on the Service, by name or number", () => {
  const i = ingress();
  i.b.ingress.spec.rules[0].http.paths[0].backend.service.port = { name: "https" };
  const hit = expectDiagnostic(run(i.list()), "TKC3312", `${P}.backend.service.port.name`, 'has no port "https" (its ports: "http", "metrics")');
  assert.equal(hit.related?.length, 1);
  i.b.ingress.spec.rules[0].http.paths[0].backend.service.port = { number: 8080 };
  expectDiagnostic(run(i.list()), "TKC3312", `${P}.backend.service.port.number`, "has no port 8080");
  i.b.ingress.spec.rules[0].http.paths[0].backend.service.port = { number: 80 };
  assert.deepEqual(run(i.list()), []);
});

test("TKC3313/3314: pathType and path", () => {
  const i = ingress();
  delete i.b.ingress.spec.rules[0].http.paths[0].pathType;
  expectDiagnostic(run(i.list()), "TKC3313", `${P}.pathType`, "has no pathType");
  i.b.ingress.spec.rules[0].http.paths[0].pathType = "Regex";
  expectDiagnostic(run(i.list()), "TKC3313", `${P}.pathType`, '"Regex"');
  i.b.ingress.spec.rules[0].http.paths[0].pathType = "Prefix";
  i.b.ingress.spec.rules[0].http.paths[0].path = "api";
  expectDiagnostic(run(i.list()), "TKC3314", `${P}.path`, "must start with '/'");
  i.b.ingress.spec.rules[0].http.paths[0].path = "/api//v1";
  expectDiagnostic(run(i.list()), "TKC3314", `${P}.path`, "may not contain '//'");
});

test("TKC3315/3316: hosts and TLS coverage", () => {
  const i = ingress();
  i.b.ingress.spec.rules[0].host = "shop.*.example.com";
  expectDiagnostic(run(i.list()), "TKC3315", "spec.rules[0].host", "leading \"*.\"", { alsoAllowed: ["TKC3316"] });
  const j = ingress();
  j.b.ingress.spec.tls[0].hosts.push("admin.example.com");
  expectDiagnostic(run(j.list()), "TKC3316", "spec.tls[0].hosts[1]", '"admin.example.com" is not used by any rule', { severity: "warning" });
  const k = ingress();
  k.b.ingress.spec.tls[0].hosts = ["*.example.com"];
  assert.deepEqual(run(k.list()), [], "a wildcard TLS host covers shop.example.com");
});

test("TKC3319: backend shape", () => {
  const i = ingress();
  i.b.ingress.spec.rules[0].http.paths[0].backend.service.port = { name: "http", number: 80 };
  expectDiagnostic(run(i.list()), "TKC3319", `${P}.backend.service.port`, "exactly one of name or number");
});

test("TKC3317/3318: NetworkPolicy types and ports", () => {
  const b = fullBundle();
  b.netpol.spec.policyTypes = ["Ingress", "egress"];
  expectDiagnostic(run([b.web, b.netpol]), "TKC3317", "spec.policyTypes[1]", '"egress"');
  const c = fullBundle();
  c.netpol.spec.ingress[0].ports[1].endPort = 8000;
  expectDiagnostic(run([c.web, c.netpol]), "TKC3318", "spec.ingress[0].ports[1].endPort", "between port 9000 and 65535");
  const d = fullBundle();
  d.netpol.spec.ingress[0].ports[0].endPort = 9000;
  expectDiagnostic(run([d.web, d.netpol]), "TKC3318", "spec.ingress[0].ports[0].endPort", "requires a numeric port");
});

test("a Service without selector is not checked against workloads", () => {
  const svc = service("external");
  delete svc.spec.selector;
  assert.deepEqual(run([svc]), []);
});
