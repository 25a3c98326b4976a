import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { bigProject, edit } from "./support.js";

const tkc = join(repoRoot, "bin", "tkc.cjs");

function spawnBuild(project: string, out: string, cache: string) {
  return spawn(process.execPath, [tkc, "build", project, "--out", out, "--allow-same-version"], {
    env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: cache },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finished(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

function assertHistoryIntact(out: string): number {
  const verify = runTkc(["history", "big", "--env", "dev", "--out", out, "--verify", "--format", "json"]);
  assert.equal(verify.status, 0, verify.stderr);
  const records = JSON.parse(verify.stdout);
  // The current bundle is always a whole revision: the latest, or (killed between the two renames) none yet.
  const current = join(out, "big", "dev", "bundle.json");
  if (existsSync(current)) {
    const digest = JSON.parse(readFileSync(current, "utf8")).digest;
    assert.ok(records.some((r: { digest: string }) => r.digest === digest), "the current bundle is a recorded revision");
  }
  return records.length;
}

test("two builds at once never corrupt the history", async () => {
  const out = tempDir();
  const a = bigProject(40, 1);
  const b = bigProject(40, 2);
  const results = await Promise.all([finished(spawnBuild(a, out, tempDir())), finished(spawnBuild(b, out, tempDir()))]);
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  assert.equal(assertHistoryIntact(out), 2);
  const names = readdirSync(join(out, "big", "history", "dev"));
  assert.deepEqual(names.sort(), ["000001", "000002"], "no temp directories or lock left behind");
});

test("a build killed with SIGKILL at any point leaves the previous revision intact and the history readable", async () => {
  const out = tempDir();
  const project = bigProject(60, 1);
  assert.equal(runTkc(["build", project, "--out", out]).status, 0);
  let kills = 0;
  for (let round = 0; round < 12; round++) {
    edit(join(project, "release.k8s.ts"), /replicas: \d+,/, `replicas: ${round + 2},`);
    const child = spawnBuild(project, out, tempDir());
    const done = finished(child);
    // Spread the kills over start-up, evaluation, validation and the writes.
    const delay = 40 + ((round * 97) % 500);
    const timer = setTimeout(() => child.kill("SIGKILL"), delay);
    const result = await done;
    clearTimeout(timer);
    if (result.signal === "SIGKILL") kills++;
    assertHistoryIntact(out);
  }
  assert.ok(kills >= 3, `at least some builds were killed (${kills})`);
  // And the next build completes whatever a killed one left.
  const final = runTkc(["build", project, "--out", out, "--allow-same-version"]);
  assert.equal(final.status, 0, final.stderr);
  assertHistoryIntact(out);
});
