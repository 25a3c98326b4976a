import { test } from "node:test";
import assert from "node:assert/strict";
import { logShipper, perEnv, service } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

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

