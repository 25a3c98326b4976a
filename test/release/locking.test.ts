import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { historyDir } from "../../compiler/release/layout.js";
import { startTime } from "../../compiler/release/owner.js";
import { bigProject, contender, deadPid } from "./support.js";


function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

/** Lock entries a test plants: a dead owner's, a reused pid's (alive, but started at another time), an empty legacy `.lock`. */
function plantStaleLocks(dir: string): void {
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(dir, `.lock-${deadPid()}-12345-dead`));
  mkdirSync(join(dir, `.lock-${process.pid}-1-reused`));
  writeFileSync(join(dir, ".lock"), "");
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(dir, ".lock"), old, old);
}

test("lock barrier: contenders released at once over planted stale locks never hold the lock together", async () => {
  const root = tempDir();
  const dir = join(root, "history");
  mkdirSync(join(root, "holders"));
  plantStaleLocks(dir);
  const barrier = join(root, "go");
  const count = 4;
  const children = Array.from({ length: count }, () => spawn(process.execPath, ["--import", "tsx", contender, "contend", dir, barrier, "30"], { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"] }));
  const done = children.map(exited);
  // Open the barrier once every contender is loaded and spinning on it.
  while (readdirSync(root).filter((name) => name.startsWith("ready-")).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
  writeFileSync(barrier, "");
  for (const result of await Promise.all(done)) assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(readdirSync(root).filter((name) => name.startsWith("violation-")), [], "two processes held the lock at once");
  assert.deepEqual(readdirSync(dir), [], "stale entries are gone and every holder released its own");
});

test("four builds at once over a planted dead, reused and empty lock all succeed; only dead owners' temp dirs are swept", async () => {
  const out = tempDir();
  const dir = historyDir(out, "big", "dev");
  plantStaleLocks(dir);
  const live = join(dir, `.tmp-${process.pid}-${startTime("self")}-r9`);
  const dead = join(dir, `.tmp-${deadPid()}-777-r9`);
  mkdirSync(live);
  mkdirSync(dead);
  const builds = [1, 2, 3, 4].map((replicas) =>
    exited(spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "build", bigProject(2, replicas), "--out", out], { env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir() }, stdio: ["ignore", "ignore", "pipe"] })),
  );
  for (const result of await Promise.all(builds)) assert.equal(result.code, 0, result.stderr);
  assert.ok(existsSync(live), "a live owner's temp directory is left alone");
  assert.ok(!existsSync(dead), "a dead owner's temp directory is swept");
  rmSync(live, { recursive: true });
  assert.deepEqual(readdirSync(dir).sort(), ["000001", "000002", "000003", "000004"]);
  const verify = runTkc(["history", "big", "--env", "dev", "--out", out, "--verify"]);
  assert.equal(verify.status, 0, verify.stderr);
});
