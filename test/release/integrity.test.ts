import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/cli.js";
import { readTree } from "../support/files.js";
import { currentBundleDir, historyDir } from "../../compiler/release/layout.js";
import { recordBuild } from "../../compiler/release/record.js";
import { rollback } from "../../compiler/release/rollback.js";
import { verifyHistory } from "../../compiler/release/verify.js";
import { historyDiagnostic } from "../../compiler/release/diagnose.js";
import { listRevisions } from "../../compiler/release/revision.js";
import { LockTimeout, withHistoryLock } from "../../compiler/release/lock.js";
import { startTime } from "../../compiler/release/owner.js";
import { loadRevisions } from "../../compiler/diff/history-input.js";
import { deadPid, smallPlan } from "./support.js";

// The release stage on its own: bundle plans in, history on disk out (the CLI tests cover the wiring).
const record = (outRoot: string, replicas: number, extra: { keep?: number } = {}) => recordBuild(smallPlan(replicas), { outRoot, sourceCommit: null, ...extra });
const errorsOf = (outRoot: string) => verifyHistory(historyDir(outRoot, "big", "dev"), currentBundleDir(outRoot, "big", "dev")).diagnostics.filter((d) => d.severity === "error");
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (thrown) {
    return historyDiagnostic(thrown);
  }
  assert.fail("expected a refusal");
};

test("an in-place edit of the current bundle is caught by --verify and repaired by the next build; the revision never changes", () => {
  const out = tempDir();
  record(out, 1);
  const current = currentBundleDir(out, "big", "dev");
  const revision = join(historyDir(out, "big", "dev"), "000001");
  const before = readTree(current);
  const revisionBefore = readTree(revision);
  appendFileSync(join(current, "objects/004-deployment-api.yaml"), "# appended in place\n"); // same inode, as `>>` or an editor's save
  appendFileSync(join(current, "kustomization.yaml"), "- extra.yaml\n");
  assert.deepEqual(readTree(revision), revisionBefore, "the revision shares no file with the current bundle");
  assert.match(errorsOf(out).map((d) => d.message).join("\n"), /the current bundle .* is not byte for byte any recorded revision/);

  const again = record(out, 1);
  assert.equal(again.status, "unchanged");
  assert.equal(again.wrote, true);
  assert.deepEqual(readTree(current), before);
  assert.deepEqual(errorsOf(out), []);
  assert.equal(record(out, 1).wrote, false, "an intact bundle is left alone");
});

test("--verify checks every file of a revision: objects, kustomization.yaml, the whole bundle.json, stray files", () => {
  const out = tempDir();
  record(out, 1);
  const revision = join(historyDir(out, "big", "dev"), "000001");
  const manifest = JSON.parse(readFileSync(join(revision, "bundle.json"), "utf8"));
  writeFileSync(join(revision, "bundle.json"), JSON.stringify({ ...manifest, removed: [{ apiVersion: "v1", kind: "Namespace", name: "kube-system" }] }, null, 2) + "\n");
  appendFileSync(join(revision, "kustomization.yaml"), "- ../../../elsewhere.yaml\n");
  writeFileSync(join(revision, "objects/999-extra.yaml"), "kind: ConfigMap\n");
  const messages = errorsOf(out).map((d) => `${d.location?.file ?? ""}: ${d.message}`).join("\n");
  assert.match(messages, /000001\/bundle\.json: revision 1: bundle\.json was modified after it was recorded/);
  assert.match(messages, /000001\/kustomization\.yaml: revision 1: kustomization\.yaml/);
  assert.match(messages, /revision 1: objects\/999-extra\.yaml is not part of the recorded bundle/);
});

test("rollback verifies the revision it copies, and refuses a tampered one", async () => {
  const out = tempDir();
  record(out, 1);
  record(out, 2);
  const file = join(historyDir(out, "big", "dev"), "000001", "objects/004-deployment-api.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/image: .*/, "image: evil.example.com/api:latest"));
  await assert.rejects(rollback({ outRoot: out, release: "big" }, "dev", 1), (thrown) => /revision 1: objects\/004-deployment-api\.yaml was modified after it was recorded/.test(historyDiagnostic(thrown).message));
  assert.deepEqual(listRevisions(historyDir(out, "big", "dev")), [1, 2], "nothing recorded");
  assert.doesNotMatch(readFileSync(join(currentBundleDir(out, "big", "dev"), "objects/004-deployment-api.yaml"), "utf8"), /evil/);
});

test("revision 1,000,000 follows 999999, and numbering keeps working after it", async () => {
  const out = tempDir();
  record(out, 1);
  const dir = historyDir(out, "big", "dev");
  const revision = JSON.parse(readFileSync(join(dir, "000001", "revision.json"), "utf8"));
  writeFileSync(join(dir, "000001", "revision.json"), JSON.stringify({ ...revision, revision: 999999 }, null, 2) + "\n");
  renameSync(join(dir, "000001"), join(dir, "999999"));
  assert.equal(record(out, 2).revision, 1_000_000);
  assert.equal(record(out, 3).revision, 1_000_001);
  assert.equal(record(out, 3).status, "unchanged");
  assert.deepEqual(readdirSync(dir).sort(), ["1000000", "1000001", "999999"]);
  assert.deepEqual(listRevisions(dir), [999999, 1000000, 1000001], "ordered as numbers");
  assert.deepEqual(errorsOf(out), []);
  const back = await rollback({ outRoot: out, release: "big" }, "dev", 999999, 2);
  assert.equal(back.result?.outcome.revision, 1_000_002);
  assert.deepEqual(listRevisions(dir), [1000001, 1000002], "--keep prunes by number");
});

test("a symbolic link inside the output tree is never written, deleted, pruned or read through", async () => {
  const out = tempDir();
  const elsewhere = tempDir();
  writeFileSync(join(elsewhere, "keep.txt"), "not tkc's\n");
  mkdirSync(join(elsewhere, ".tmp-1-2-r3"));
  mkdirSync(join(elsewhere, "000001"));
  mkdirSync(join(out, "big", "history"), { recursive: true });
  symlinkSync(elsewhere, join(out, "big", "history", "dev"));
  const refused = failure(() => record(out, 1, { keep: 1 }));
  assert.equal(refused.code, "TKC4007");
  assert.match(refused.message, /history\/dev is a symbolic link; tkc never writes, deletes or reads through a link/);
  assert.equal(refused.location, undefined, "no code frame: it would print a line of the link's target");
  assert.deepEqual(readdirSync(elsewhere).sort(), [".tmp-1-2-r3", "000001", "keep.txt"], "nothing written, swept or pruned there");
  await assert.rejects(rollback({ outRoot: out, release: "big" }, "dev", 1), (thrown) => historyDiagnostic(thrown).code === "TKC4007");

  // the current bundle's directory as a link
  const out2 = tempDir();
  mkdirSync(join(out2, "big"));
  symlinkSync(elsewhere, join(out2, "big", "dev"));
  assert.match(failure(() => record(out2, 1)).message, /big\/dev is a symbolic link/);
  assert.deepEqual(readdirSync(elsewhere).sort(), [".tmp-1-2-r3", "000001", "keep.txt"]);

  // a revision's file as a link (to a credentials file): never copied by rollback, refused by --verify
  const out3 = tempDir();
  record(out3, 1);
  record(out3, 2);
  const linked = join(historyDir(out3, "big", "dev"), "000001", "objects/001-configmap-settings-0.yaml");
  writeFileSync(join(elsewhere, "config.json"), '{"auths":{"x":{"auth":"c2VjcmV0"}}}\n');
  renameSync(linked, linked + ".bak");
  symlinkSync(join(elsewhere, "config.json"), linked);
  await assert.rejects(rollback({ outRoot: out3, release: "big" }, "dev", 1), (thrown) => historyDiagnostic(thrown).code === "TKC4007");
  const verified = verifyHistory(historyDir(out3, "big", "dev"), currentBundleDir(out3, "big", "dev")).diagnostics;
  assert.ok(verified.some((d) => d.code === "TKC4007" && /is a symbolic link/.test(d.message) && d.location === undefined));
  assert.ok(!JSON.stringify(verified).includes("auths"));
});

test("a directory in the bundle's place that is not a tkc bundle is never replaced", () => {
  const out = tempDir();
  mkdirSync(join(out, "big", "dev"), { recursive: true });
  writeFileSync(join(out, "big", "dev", "notes.md"), "another team's file\n");
  assert.match(failure(() => record(out, 1)).message, /big\/dev is not a tkc bundle \(it has no bundle\.json\), so tkc will not replace it/);
  assert.equal(readFileSync(join(out, "big", "dev", "notes.md"), "utf8"), "another team's file\n");
});

test("names become paths only after a re-check, and the result stays inside the output root", () => {
  const out = tempDir();
  for (const [release, environment] of [["../../srv", "dev"], ["big", "../../../srv/other-team"], ["big", "history"], ["big", "a/b"], ["big", "x".repeat(64)], ["Big", "dev"]]) {
    const refused = failure(() => recordBuild(smallPlan(1, { release, environment }), { outRoot: out, sourceCommit: null }));
    assert.equal(refused.code, "TKC4007", `${release}/${environment}`);
    assert.match(refused.message, /not a DNS-1123 label|reserved/);
  }
  assert.deepEqual(readdirSync(out), [], "nothing written anywhere");
  assert.equal(currentBundleDir("/out", "big", "dev"), "/out/big/dev");
  assert.ok(!existsSync("/srv/other-team"));
});

test("the lock: live owners are waited for; dead owners, reused pids and old empty lock files are not", async () => {
  const dir = join(tempDir(), "history");
  mkdirSync(dir);
  const held = (setup: () => void) => {
    setup();
    try {
      withHistoryLock(dir, () => undefined, 300);
      return false;
    } catch (thrown) {
      if (!(thrown instanceof LockTimeout)) throw thrown;
      return true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
    }
  };
  const parent = process.ppid;
  const aged = (file: string, seconds: number) => utimesSync(file, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
  assert.equal(held(() => mkdirSync(join(dir, `.lock-${parent}-${startTime(parent)}-live`))), true, "a live owner's entry");
  assert.equal(held(() => mkdirSync(join(dir, `.lock-${parent}-1-reused`))), false, "the pid now belongs to a process started at another time");
  assert.equal(held(() => mkdirSync(join(dir, `.lock-${deadPid()}-5-dead`))), false, "a dead owner's entry");
  assert.equal(held(() => writeFileSync(join(dir, ".lock"), String(parent))), true, "an old tkc's lock file with a live pid");
  assert.equal(held(() => writeFileSync(join(dir, ".lock"), "")), true, "an empty lock file may be being written right now");
  assert.equal(held(() => (writeFileSync(join(dir, ".lock"), ""), aged(join(dir, ".lock"), 10))), false, "an empty lock file older than a few seconds");
  assert.equal(held(() => writeFileSync(join(dir, ".lock"), String(deadPid()))), false, "an old tkc's lock file with a dead pid");
  const young = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(held(() => (writeFileSync(join(dir, ".lock"), String(young.pid)), aged(join(dir, ".lock"), 60))), false, "a lock file older than the process its pid now names");
  } finally {
    young.kill();
  }
});

test("a diff of revision 0 (the one before the first) is a clear error, not a crash", () => {
  const out = tempDir();
  record(out, 1);
  const loaded = loadRevisions({ outRoot: out, release: "big", environment: "dev" });
  assert.equal(loaded.ok, false);
  assert.match(loaded.ok ? "" : loaded.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"), /TKC4110 big\/dev under .* has no revision 0/);
});
