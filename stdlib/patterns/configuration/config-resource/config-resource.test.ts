import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { configEnv, configFiles, configTemplate, envFrom, externalSecret, perEnv, plainSecret, sealedSecret, secretFiles, service } from "../../../index.js";
import { configContentHash, sha256Hex } from "../../support/content-hash.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };
const SEALED = "AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq1bZ6kD5eXm0uQ4dF8wE7u2Wq0XNvlb7gM1s0zR6kR2lQ5mH2Xo8pQ==";

test("sha256Hex matches node:crypto, including non-ASCII text", () => {
  for (const text of ["", "abc", "ä€😀 config\n".repeat(40), "x".repeat(55), "x".repeat(56), "x".repeat(64)]) {
    assert.equal(sha256Hex(text), createHash("sha256").update(text, "utf8").digest("hex"));
  }
  assert.equal(configContentHash("ConfigMap", { a: "1", b: "2" }), configContentHash("ConfigMap", { b: "2", a: "1" }), "key order does not matter");
  assert.notEqual(configContentHash("ConfigMap", { a: "1" }), configContentHash("Secret", { a: "1" }));
});

test("envFrom adds ConfigMaps then Secrets, with prefixes and optional", () => {
  const spec = podSpec(expand(service({ ...app, patterns: [envFrom({ configMaps: ["settings", { name: "flags", optional: true }], secrets: [{ name: "db", prefix: "DB_" }] })] })));
  assert.deepEqual(spec.containers[0].envFrom, [
    { configMapRef: { name: "settings" } },
    { configMapRef: { name: "flags", optional: true } },
    { prefix: "DB_", secretRef: { name: "db" } },
  ]);
  throwsCode(() => envFrom({}), "TKC2500");
  throwsCode(() => envFrom({ secrets: [{ name: "db", prefix: "1X" }] }), "TKC2500");
  throwsCode(() => envFrom({ configMaps: ["Bad_Name"] }), "TKC2501");
});

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

test("configTemplate renders per environment in strict mode", () => {
  const template = "listen {{port}};\n{{#each upstreams}}server {{this}};\n{{/each}}{{#if gzip}}gzip on;\n{{/if}}";
  const web = service({ ...app, patterns: [configTemplate<{ port: number; upstreams: string[]; gzip: boolean }>({ name: "nginx", template, fileName: "nginx.conf", mountPath: "/etc/nginx/conf.d", values: perEnv({ dev: { port: 80, upstreams: ["a:1"], gzip: false }, prod: { port: 8080, upstreams: ["a:1", "b:2"], gzip: true } }) })] });
  const prod = [...expand(web, "prod").values()].find((o) => o.kind === "ConfigMap");
  assert.equal(prod.data["nginx.conf"], "listen 8080;\nserver a:1;\nserver b:2;\ngzip on;\n");
  assert.equal(prod.immutable, true);
  const dev = [...expand(web, "dev").values()].find((o) => o.kind === "ConfigMap");
  assert.equal(dev.data["nginx.conf"], "listen 80;\nserver a:1;\n");
  const noEscape = service({ ...app, patterns: [configTemplate({ name: "t", template: "{{v}}", fileName: "f", mountPath: "/f", values: { v: "<a & b>" } })] });
  assert.equal([...expand(noEscape).values()].find((o) => o.kind === "ConfigMap").data.f, "<a & b>", "no HTML escaping");
  throwsCode(() => configTemplate({ name: "t", template: "{{#if x}}\n", fileName: "f", mountPath: "/f", values: {} }), "TKC2510", /line/);
  const missing = service({ ...app, patterns: [configTemplate({ name: "t", template: "a\nb {{host.name}}", fileName: "f", mountPath: "/f", values: perEnv({ dev: { host: {} }, prod: { host: { name: "x" } } }) })] });
  throwsCode(() => expand(missing, "dev"), "TKC2511", /"name" is not defined for environment 'dev' \(template line 2/);
  assert.equal([...expand(missing, "prod").values()].find((o) => o.kind === "ConfigMap").data.f, "a\nb x");
});

test("secrets: plainSecret needs the opt-in; externalSecret and sealedSecret carry no plain values", () => {
  throwsCode(() => plainSecret({ name: "db", stringData: { password: "x" } }), "TKC2520", /plain text/);
  throwsCode(() => plainSecret({ name: "db", stringData: { password: "x" }, allowPlaintextInBundle: false }), "TKC2520");
  const secret = expand(plainSecret({ name: "db", stringData: { b: "2", a: "1" }, allowPlaintextInBundle: true })).get("Secret/db");
  assert.deepEqual(secret.stringData, { a: "1", b: "2" });

  const es = expand(externalSecret({ name: "db", store: { name: "vault" }, data: { password: { key: "prod/db", property: "password" }, user: "prod/db-user" } })).get("ExternalSecret/db");
  assert.equal(es.apiVersion, "external-secrets.io/v1");
  assert.deepEqual(es.spec.secretStoreRef, { name: "vault", kind: "ClusterSecretStore" });
  assert.deepEqual(es.spec.data[1], { secretKey: "user", remoteRef: { key: "prod/db-user" } });
  throwsCode(() => externalSecret({ name: "db", store: { name: "vault" } }), "TKC2521");
  throwsCode(() => externalSecret({ name: "db", store: { name: "vault" }, extract: ["x"], refreshInterval: "1 hour" }), "TKC2521");

  const ss = expand(sealedSecret({ name: "key", encryptedData: { key: SEALED }, scope: "namespace-wide" })).get("SealedSecret/key");
  assert.equal(ss.metadata.annotations["sealedsecrets.bitnami.com/namespace-wide"], "true");
  assert.deepEqual(ss.spec.encryptedData, { key: SEALED });
  throwsCode(() => sealedSecret({ name: "key", encryptedData: { key: "hunter2" } }), "TKC2522");
  throwsCode(() => expand(sealedSecret({ name: "key", encryptedData: perEnv({ dev: { key: "hunter2" } }) })), "TKC2522", /environment 'dev'/);
});
