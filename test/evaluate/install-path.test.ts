import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";

// Node's permission model reads a "*" in --allow-fs-read as a wildcard, and Node 20 aborts at
// start-up on one inside a file's path. With tkc installed under such a folder, every evaluation
// process aborted and the build said "the descriptor used more memory than evaluation allows
// (2048 MiB)" (TKC2009): a user's project in ~/we*rd/app with tkc in its node_modules.
test("tkc installed under a folder whose name holds a * evaluates, and leaves no temporary folder", () => {
  const install = join(tempDir(), "we*rd", "tkc");
  mkdirSync(install, { recursive: true });
  // Hard links: the installation's files at another path, without copying 50 MB.
  const linked = spawnSync("cp", ["-al", ...["bin", "dist", "stdlib", "schemas", "syntax", "compiler", "package.json"].map((entry) => join(repoRoot, entry)), install], { encoding: "utf8" });
  assert.equal(linked.status, 0, linked.stderr);
  symlinkSync(join(repoRoot, "node_modules"), join(install, "node_modules"));
  const project = join(tempDir(), "shop");
  cpSync(join(repoRoot, "examples", "shop"), project, { recursive: true, filter: (src) => !/[/\\](out|expected|\.tkc-cache)$/.test(src) });
  const temp = tempDir("tkc-install-tmp-");
  const built = spawnSync(process.execPath, [join(install, "bin", "tkc.cjs"), "build", project, "--env", "prod", "--out", join(project, "out")], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TMPDIR: temp, TKC_CACHE_DIR: tempDir("tkc-cache-") },
  });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /^shop\/prod: revision 1 \(version 2\.4\.0\), \+29 ~0 -0 objects/);
  assert.doesNotMatch(built.stderr, /TKC2009|memory/);
  assert.deepEqual(readdirSync(temp).filter((name) => name.startsWith("tkc-realm-")), [], "the realm's linked files are removed");
});
