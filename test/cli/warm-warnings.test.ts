import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

/** A scaffold whose image has no tag: a warning under `policy: "warning"`, an error otherwise. */
function untaggedApp(): string {
  const dir = join(tempDir(), "app");
  assert.equal(runTkc(["init", dir]).status, 0);
  const release = join(dir, "release.k8s.ts");
  writeFileSync(release, readFileSync(release, "utf8").replace("nginxinc/nginx-unprivileged:${imageTag}", "nginxinc/nginx-unprivileged"));
  return dir;
}

const timings = (stderr: string) => JSON.parse(stderr.split("\n").find((line) => line.startsWith("{")) ?? "{}") as Record<string, number>;

// A build with a warning was never remembered for the warm path: under `policy: "warning"` (or
// with a Latin-1 file) every build type-checked and evaluated again, each time.
test("an unchanged build with warnings is warm, and says the same warnings", () => {
  const dir = untaggedApp();
  const env = { TKC_CACHE_DIR: tempDir("tkc-warm-warnings-"), TKC_TIMINGS: "1" };
  const cold = runTkc(["build", dir, "--policy", "warning"], { env });
  assert.equal(cold.status, 0, cold.stderr);
  assert.ok("typecheck" in timings(cold.stderr), "the first build checks");
  const warm = runTkc(["build", dir, "--policy", "warning"], { env });
  assert.equal(warm.status, 0, warm.stderr);
  assert.ok(!("typecheck" in timings(warm.stderr)) && !("evaluate" in timings(warm.stderr)), `warm: ${warm.stderr}`);
  const withoutTimings = (text: string) => text.split("\n").filter((line) => !line.startsWith("{")).join("\n");
  assert.match(warm.stderr, /release\.k8s\.ts:10:3 warning TKC3205: image "nginxinc\/nginx-unprivileged" of container "web" has no tag/);
  assert.equal(withoutTimings(warm.stderr), withoutTimings(cold.stderr), "the same warnings, code frames included");
  assert.match(warm.stdout, /^app\/dev: unchanged, revision 1/m);

  // The policy is part of what the build remembers: as an error, the same finding fails the build.
  const strict = runTkc(["build", dir], { env });
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /error TKC3205: /);
});
