import { test } from "node:test";
import assert from "node:assert/strict";
import { perEnv, runBefore, secretRef, service, waitFor } from "../../../index.js";
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

