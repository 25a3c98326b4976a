import { test } from "node:test";
import assert from "node:assert/strict";
import { ambassador, cronJob, exporter, job, logShipper, perEnv, runBefore, secretRef, service, sidecar, waitFor } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

test("waitFor adds a pinned busybox init container that runs as non-root", () => {
  const spec = podSpec(expand(service({ ...app, patterns: [waitFor("postgres", 5432)] })));
  const init = spec.initContainers[0];
  assert.equal(init.name, "wait-for-postgres");
  assert.equal(init.image, "busybox:1.37.0");
  assert.match(init.command[2], /until nc -z -w 2 postgres 5432/);
  assert.equal(init.securityContext.runAsUser, 65534);
  assert.equal(init.securityContext.runAsNonRoot, true);
  const timed = podSpec(expand(service({ ...app, patterns: [waitFor("db.example.com", 5432, { timeoutSeconds: 60 })] }))).initContainers[0];
  assert.match(timed.command[2], /\+ 60/);
  throwsCode(() => waitFor("postgres", 0), "TKC2450");
  throwsCode(() => waitFor("postgres", 5432, { timeoutSeconds: 0 }), "TKC2450");
  throwsCode(() => expand(service({ ...app, patterns: [waitFor(perEnv({ dev: "a b" }), 1)] })), "TKC2450");
});

test("runBefore reuses the app's image, env and mounts by default, in pattern order", () => {
  const spec = podSpec(expand(service({ ...app, env: { DB: secretRef("db", "url") }, writablePaths: ["/tmp"], patterns: [waitFor("postgres", 5432), runBefore({ name: "migrate", command: ["/app/migrate"] })] })));
  assert.deepEqual(spec.initContainers.map((c: any) => c.name), ["wait-for-postgres", "migrate"]);
  const migrate = spec.initContainers[1];
  assert.equal(migrate.image, "registry.example.com/api:2.0.0");
  assert.deepEqual(migrate.env, [{ name: "DB", valueFrom: { secretKeyRef: { name: "db", key: "url" } } }]);
  assert.deepEqual(migrate.volumeMounts, spec.containers[0].volumeMounts);
  const bare = podSpec(expand(service({ ...app, env: { A: "1" }, patterns: [runBefore({ command: ["x"], image: "tool:1.0.0", inheritApp: false })] }))).initContainers[0];
  assert.equal(bare.name, "run-before");
  assert.equal(bare.image, "tool:1.0.0");
  assert.equal(bare.env, undefined);
  throwsCode(() => runBefore({ command: [] }), "TKC2451");
});

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

test("logShipper: shared log volume, fluent-bit with a hashed immutable ConfigMap per output", () => {
  const web = service({ ...app, patterns: [logShipper({ logPath: "/var/log/api", output: perEnv({ dev: { type: "stdout" }, prod: { type: "loki", host: "loki.logging" } }) })] });
  const dev = expand(web, "dev");
  const prod = expand(web, "prod");
  const devMap = [...dev.values()].find((o) => o.kind === "ConfigMap");
  const prodMap = [...prod.values()].find((o) => o.kind === "ConfigMap");
  assert.match(devMap.metadata.name, /^api-log-shipper-[0-9a-f]{10}$/);
  assert.notEqual(devMap.metadata.name, prodMap.metadata.name, "different config, different name");
  assert.equal(devMap.immutable, true);
  assert.match(devMap.data["fluent-bit.conf"], /Path\s+\/var\/log\/api\/\*\.log/);
  assert.match(prodMap.data["fluent-bit.conf"], /Name\s+loki[\s\S]*Labels\s+app=api/);
  const spec = podSpec(prod);
  assert.deepEqual(spec.containers[0].volumeMounts, [{ name: "app-logs", mountPath: "/var/log/api" }]);
  assert.equal(spec.initContainers[0].image, "fluent/fluent-bit:3.2.10");
  assert.equal(spec.volumes.find((v: any) => v.name === "log-shipper-config").configMap.name, prodMap.metadata.name);
  assert.equal(expand(web, "dev").get(`ConfigMap/${devMap.metadata.name}`).metadata.name, devMap.metadata.name, "deterministic");
  throwsCode(() => logShipper({ logPath: "/", output: { type: "stdout" } }), "TKC2456");
  throwsCode(() => logShipper({ output: { type: "stdout" }, files: "logs/*.log" }), "TKC2456");
});

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

test("ambassador: envoy proxying localhost:listen to the target, per environment", () => {
  const web = service({ ...app, patterns: [ambassador({ target: perEnv({ dev: "postgres:5432", prod: "10.1.2.3:6432" }), listen: 15432, envVar: "DB_ADDR" })] });
  const prod = expand(web, "prod");
  const config = [...prod.values()].find((o) => o.kind === "ConfigMap");
  assert.match(config.data["envoy.yaml"], /address: 127\.0\.0\.1, port_value: 15432/);
  assert.match(config.data["envoy.yaml"], /type: STATIC[\s\S]*address: 10\.1\.2\.3, port_value: 6432/);
  assert.match([...expand(web, "dev").values()].find((o) => o.kind === "ConfigMap").data["envoy.yaml"], /type: LOGICAL_DNS[\s\S]*address: postgres, port_value: 5432/);
  const spec = podSpec(prod);
  assert.deepEqual(spec.containers[0].env, [{ name: "DB_ADDR", value: "localhost:15432" }]);
  assert.equal(spec.initContainers[0].securityContext.runAsUser, 65532);
  throwsCode(() => ambassador({ target: "", listen: 15432 }), "TKC2460");
  throwsCode(() => ambassador({ target: undefined as never, listen: 15432 }), "TKC2460");
  throwsCode(() => ambassador({ target: "db.example.com", listen: 15432 }), "TKC2461", /host:port/);
  throwsCode(() => ambassador({ target: "db:99999", listen: 15432 }), "TKC2461");
  throwsCode(() => expand(service({ ...app, patterns: [ambassador({ target: perEnv({ dev: "nope" }), listen: 1 })] })), "TKC2461");
  throwsCode(() => expand(service({ ...app, patterns: [ambassador({ target: "db:5432", listen: 8080 })] })), "TKC2462");
  throwsCode(() => expand(service({ ...app, patterns: [ambassador({ target: "a:1", listen: 1001 }), ambassador({ target: "b:2", listen: 1002 })] })), "TKC2452");
});
