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

// docs/patterns.md: report() goes on, so a user's check lists every mistake in one run; a helper
// of the user's own reports at its caller's line with callerOrigin(), not at its own.
test("report() lists every mistake of a user's pattern in one run, and callerOrigin() points at the helper's caller", () => {
  const dir = join(tempDir(), "team-report");
  mkdirSync(dir);
  writeFileSync(join(dir, "team.ts"), `import { callerOrigin, definePattern, report, service } from "tkc";

export const team = definePattern<{ owner: string; channel: string }>({
  name: "team",
  check: (options, origin) => {
    if (!/^[a-z-]+$/.test(options.owner)) report(\`team owner "\${options.owner}" is not a team slug\`, origin, { hint: "use the team's slug, e.g. payments" });
    if (!options.channel.startsWith("#")) report(\`team channel "\${options.channel}" is not a channel\`, origin, { hint: "e.g. #payments-oncall" });
  },
  apply: (options, build) => {
    build.podLabels["example.com/team"] = options.owner;
  },
});

export function teamService(options: { name: string; image: string }) {
  const at = callerOrigin();
  if (!options.image.startsWith("registry.example.com/")) report(\`image "\${options.image}" is not from the team registry\`, at, { severity: "warning", hint: "push it to registry.example.com" });
  return service({ ...options, port: { name: "http", containerPort: 8080 }, readiness: { httpGet: { path: "/", port: "http" } } });
}
`);
  writeFileSync(join(dir, "release.k8s.ts"), `import { release, service } from "tkc";
import { team, teamService } from "./team.ts";

const web = teamService({ name: "web", image: "docker.io/web:1.0.0" });
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  readiness: { httpGet: { path: "/", port: "http" } },
  patterns: [team({ owner: "Payments Team", channel: "payments" })],
});

export default release({ name: "team-report", version: "1.0.0", environments: { dev: { namespace: "team-report" } }, components: [web, api] });
`);
  const failed = runTkc(["check", dir]);
  assert.equal(failed.status, 1, failed.stderr);
  const headers = failed.stderr.split("\n").filter((line) => / (error|warning) TKC/.test(line)).map((line) => line.replace(/^.*\/(?=[^/]+:\d+:\d+ )/, ""));
  assert.deepEqual(headers, [
    `release.k8s.ts:10:14 error TKC2900: team owner "Payments Team" is not a team slug`,
    `release.k8s.ts:10:14 error TKC2900: team channel "payments" is not a channel`,
    `release.k8s.ts:4:13 warning TKC2900: image "docker.io/web:1.0.0" is not from the team registry`,
  ]);
  assert.match(failed.stderr, /hint: use the team's slug[\s\S]*hint: e\.g\. #payments-oncall[\s\S]*hint: push it to registry\.example\.com/);
  assert.match(failed.stderr, /2 errors, 1 warning/);
});
