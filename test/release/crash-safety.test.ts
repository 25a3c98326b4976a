import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { historyDir } from "../../compiler/release/layout.js";
import { bigProject, contender, edit } from "./support.js";

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
  assert.deepEqual(names.sort(), ["000001", "000002"], "no temp directories or lock entries left behind");
});

test("a build killed with SIGKILL at any point leaves the previous revision intact and the history readable", async () => {
  const out = tempDir();
  const project = bigProject(60, 1);
  assert.equal(runTkc(["build", project, "--out", out]).status, 0);
  let kills = 0;
  let leftLocks = 0;
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
    // A build killed while it held the lock leaves its entry: the next build must take it over.
    if (readdirSync(historyDir(out, "big", "dev")).some((name) => name.startsWith(".lock-"))) leftLocks++;
    assertHistoryIntact(out);
  }
  assert.ok(kills >= 3, `at least some builds were killed (${kills}; ${leftLocks} while holding the lock)`);
  // And the next build completes whatever a killed one left.
  const final = runTkc(["build", project, "--out", out, "--allow-same-version"]);
  assert.equal(final.status, 0, final.stderr);
  assertHistoryIntact(out);
});

test("a build killed with SIGKILL while it holds the lock: the next build takes the lock over at once", async () => {
  const out = tempDir();
  const project = bigProject(3, 1);
  assert.equal(runTkc(["build", project, "--out", out]).status, 0);
  const dir = historyDir(out, "big", "dev");
  const holder = spawn(process.execPath, ["--import", "tsx", contender, "hold", dir], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
  assert.equal(readdirSync(dir).filter((name) => name.startsWith(".lock-")).length, 1);
  holder.kill("SIGKILL");
  await new Promise((resolve) => holder.on("close", resolve));
  edit(join(project, "release.k8s.ts"), "replicas: 1,", "replicas: 2,");
  // No clock needed: a lock whose owner lives is never taken, and waiting it out ends in TKC4003,
  // so a build that succeeds here is one that saw the owner dead and took the lock over.
  const build = runTkc(["build", project, "--out", out]);
  assert.equal(build.status, 0, build.stderr);
  assert.match(build.stdout, /revision 2/);
  assert.deepEqual(readdirSync(dir).sort(), ["000001", "000002"]);
  assertHistoryIntact(out);
});
