import { test } from "node:test";
import assert from "node:assert/strict";
import { configEnv, configFiles, perEnv, secretFiles, service } from "../../../index.js";
import { configContentHash } from "../../support/content-hash.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

test("configFiles mounts a ConfigMap; immutable names it by content and changes with it", () => {
  const files = { "app.yaml": perEnv({ dev: "a: 1\n", prod: "a: 2\n" }) };
  const mutable = expand(service({ ...app, patterns: [configFiles({ name: "api-config", files, mountPath: "/etc/api" })] }));
  assert.deepEqual(mutable.get("ConfigMap/api-config").data, { "app.yaml": "a: 1\n" });
  assert.equal(mutable.get("ConfigMap/api-config").immutable, undefined);
  const spec = podSpec(mutable);
  assert.deepEqual(spec.containers[0].volumeMounts, [{ name: "config-api-config", mountPath: "/etc/api", readOnly: true }]);
  assert.deepEqual(spec.volumes, [{ name: "config-api-config", configMap: { name: "api-config" } }]);

  const web = service({ ...app, patterns: [configFiles({ name: "api-config", files, mountPath: "/etc/api", immutable: true })] });
  const names = ["dev", "prod"].map((env) => {
    const objects = expand(web, env);
    const map = [...objects.values()].find((o) => o.kind === "ConfigMap");
    assert.equal(map.immutable, true);
    assert.equal(podSpec(objects).volumes[0].configMap.name, map.metadata.name, "the pod references the hashed name");
    return map.metadata.name as string;
  });
  assert.match(names[0]!, /^api-config-[0-9a-f]{10}$/);
  assert.notEqual(names[0], names[1]);
  assert.equal(names[0], `api-config-${configContentHash("ConfigMap", { "app.yaml": "a: 1\n" }).slice(0, 10)}`);
  throwsCode(() => configFiles({ name: "c", files: { "a/b": "" }, mountPath: "/etc" }), "TKC2502");
  throwsCode(() => configFiles({ name: "c", files: { a: "" }, mountPath: "etc" }), "TKC2503");
  throwsCode(() => configFiles({ name: "c", files: {}, mountPath: "/etc" }), "TKC2504");
  throwsCode(() => configFiles({ name: "x".repeat(243), files: { a: "" }, mountPath: "/etc" }), "TKC2501");
});

test("configEnv emits a ConfigMap imported with envFrom; secretFiles mounts an existing Secret", () => {
  const objects = expand(service({ ...app, patterns: [configEnv({ name: "api-env", data: { TZ: "UTC" }, immutable: true }), secretFiles({ secret: "tls", mountPath: "/tls", keys: ["tls.crt"] })] }));
  const map = [...objects.values()].find((o) => o.kind === "ConfigMap");
  const spec = podSpec(objects);
  assert.deepEqual(spec.containers[0].envFrom, [{ configMapRef: { name: map.metadata.name } }]);
  assert.deepEqual(spec.volumes, [{ name: "secret-tls", secret: { secretName: "tls", defaultMode: 0o444, items: [{ key: "tls.crt", path: "tls.crt" }] } }]);
  assert.equal([...objects.values()].some((o) => o.kind === "Secret"), false, "no Secret values in the bundle");
});

