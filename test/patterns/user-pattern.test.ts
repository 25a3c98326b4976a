import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

// docs/patterns.md: a pattern of your own, made with definePattern, whose check rejects options
// with fail(); the error points at the user's call of the pattern, not at the pattern's code.
test("definePattern's check reports fail() at the call of the pattern (TKC2900), with its hint", () => {
  const dir = join(tempDir(), "team-app");
  mkdirSync(dir);
  writeFileSync(join(dir, "team.ts"), `import { definePattern, fail } from "tkc";

export const team = definePattern<{ owner: string }>({
  name: "team",
  check: (options, origin) => {
    if (!/^[a-z-]+$/.test(options.owner)) fail(\`team owner "\${options.owner}" is not a team slug\`, origin, { hint: "use the team's slug, e.g. payments" });
  },
  apply: (options, build) => {
    build.podLabels["example.com/team"] = options.owner;
  },
});
`);
  const release = (owner: string) => `import { release, service } from "tkc";
import { team } from "./team.ts";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  readiness: { httpGet: { path: "/", port: "http" } },
  patterns: [team({ owner: "${owner}" })],
});

export default release({ name: "team-app", version: "1.0.0", environments: { dev: { namespace: "team-app" } }, components: [api] });
`;
  writeFileSync(join(dir, "release.k8s.ts"), release("Payments Team"));
  const failed = runTkc(["check", dir]);
  assert.equal(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /release\.k8s\.ts:9:14 error TKC2900: team owner "Payments Team" is not a team slug\n[\s\S]*hint: use the team's slug, e\.g\. payments/);

  writeFileSync(join(dir, "release.k8s.ts"), release("payments"));
  const out = tempDir();
  const built = runTkc(["build", dir, "--out", out]);
  assert.equal(built.status, 0, built.stderr);
});
