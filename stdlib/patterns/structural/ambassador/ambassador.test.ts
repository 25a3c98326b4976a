import { test } from "node:test";
import assert from "node:assert/strict";
import { ambassador, perEnv, service } from "../../../index.js";
import { expand, podSpec, throwsCode } from "../../../../test/support/patterns/discovery.js";

const app = { name: "api", image: "registry.example.com/api:2.0.0", port: { name: "http", containerPort: 8080 } };

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

