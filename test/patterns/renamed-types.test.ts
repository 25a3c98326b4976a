import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

// docs/dsl.md: the types once named Env<T>, EnvDeep<T>, EnvValue and EnvSource were renamed
// (PerEnvironment<T>, PerEnvironmentDeep<T>, EnvVarValue, EnvVarsSource), and a pattern's or
// component's context.env is context.environment; descriptors written with the old names still
// type-check against the published declarations and build the same bundle.
const descriptor = (names: { perEnvironment: string; deep: string; envVarValue: string; envVarsSource: string; context: string }) => `import { definePattern, envFrom, perEnv, release, secretRef, service, type ${names.perEnvironment}, type ${names.deep}, type ${names.envVarValue}, type ${names.envVarsSource} } from "tkc";

const replicas: ${names.perEnvironment}<number> = perEnv({ dev: 1, prod: 3 });
const pod: ${names.deep}<{ terminationGracePeriodSeconds: number }> = { terminationGracePeriodSeconds: perEnv({ dev: 5, prod: 30 }) };
const password: ${names.envVarValue} = secretRef("db", "password");
const settings: ${names.envVarsSource} = { name: "api-settings", optional: true };
const stage = definePattern<{}>({
  name: "stage",
  apply: (_options, build, context) => {
    build.podLabels["example.com/stage"] = context.${names.context}.name;
  },
});

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  readiness: { httpGet: { path: "/", port: "http" } },
  replicas,
  pod,
  env: { DB_PASSWORD: password },
  patterns: [envFrom({ configMaps: [settings] }), stage({})],
});

export default release({ name: "names", version: "1.0.0", environments: { dev: { namespace: "names-dev" }, prod: { namespace: "names-prod" } }, components: [api] });
`;

test("descriptors using the deprecated Env, EnvDeep, EnvValue, EnvSource and context.env still build, to the same objects", () => {
  const built = (names: Parameters<typeof descriptor>[0]) => {
    const dir = join(tempDir(), "names");
    mkdirSync(dir);
    writeFileSync(join(dir, "release.k8s.ts"), descriptor(names));
    const out = tempDir();
    const result = runTkc(["build", dir, "--out", out]);
    assert.equal(result.status, 0, result.stderr);
    return readFileSync(join(out, "names", "prod", "objects", "003-deployment-api.yaml"), "utf8");
  };
  const current = built({ perEnvironment: "PerEnvironment", deep: "PerEnvironmentDeep", envVarValue: "EnvVarValue", envVarsSource: "EnvVarsSource", context: "environment" });
  const deprecated = built({ perEnvironment: "Env", deep: "EnvDeep", envVarValue: "EnvValue", envVarsSource: "EnvSource", context: "env" });
  assert.match(current, /replicas: 3/);
  assert.match(current, /example\.com\/stage: prod/);
  assert.match(current, /terminationGracePeriodSeconds: 30/);
  assert.match(current, /secretKeyRef:\n\s+key: password\n\s+name: db/);
  assert.match(current, /envFrom:\n\s+- configMapRef:\n\s+name: api-settings\n\s+optional: true/);
  assert.equal(deprecated, current);
});
