import { test } from "node:test";
import assert from "node:assert/strict";
import { externalSecret, perEnv, plainSecret, sealedSecret } from "../../../index.js";
import { expand, throwsCode } from "../../../../test/support/patterns/discovery.js";

const SEALED = "AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq1bZ6kD5eXm0uQ4dF8wE7u2Wq0XNvlb7gM1s0zR6kR2lQ5mH2Xo8pQ==";

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

