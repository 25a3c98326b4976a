import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// A project handed over as an archive can carry its .git folder, and with it a .git/config and
// hooks: tkc runs git for the source commit (every build) and for `diff --base`. Its
// `core.fsmonitor` ran a program of the archive's choice at `tkc build` (reproduced), and a
// post-checkout hook would run at `diff --base`. tkc's git commands turn both off.
test("the repository's fsmonitor and hooks run at neither tkc build nor tkc diff --base", () => {
  const root = tempDir();
  const repo = join(root, "repo");
  cpSync(join(repoRoot, "examples", "hello"), join(repo, "hello"), { recursive: true, filter: (path) => !path.includes("expected") });
  const git = (...args: string[]) => {
    const result = spawnSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", ...args], { cwd: repo, encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  };
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "first");
  const ran = join(root, "ran");
  mkdirSync(ran);
  git("config", "core.fsmonitor", `touch '${join(ran, "fsmonitor")}'; false`);
  const hook = join(repo, ".git", "hooks", "post-checkout");
  writeFileSync(hook, `#!/bin/sh\ntouch '${join(ran, "post-checkout")}'\n`);
  chmodSync(hook, 0o755);

  const built = runTkc(["build", join(repo, "hello"), "--out", join(root, "out")]);
  assert.equal(built.status, 0, built.stderr);
  const record = JSON.parse(readFileSync(join(root, "out", "hello", "history", "dev", "000001", "revision.json"), "utf8")) as { sourceCommit: string };
  assert.match(record.sourceCommit, /^[0-9a-f]{40}$/, "git still answers");
  const diff = runTkc(["diff", join(repo, "hello"), "--base", "HEAD", "--env", "dev"]);
  assert.equal(diff.status, 0, diff.stderr);
  assert.equal(existsSync(join(ran, "fsmonitor")), false, "core.fsmonitor did not run");
  assert.equal(existsSync(join(ran, "post-checkout")), false, "the post-checkout hook did not run");
});
