import { test } from "node:test";
import assert from "node:assert/strict";
import { envFrom, service } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

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

