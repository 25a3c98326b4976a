import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// Folder names that tools read as something else: esbuild and Node's permission model read a
// "*" as a wildcard, tsc and Node's package resolution a backslash as a folder separator.

/** A copy of examples/shop (sources only) at `dir`. */
function copyShop(dir: string): void {
  cpSync(join(repoRoot, "examples", "shop"), dir, { recursive: true, filter: (src) => !/[/\\](out|expected|\.tkc-cache)$/.test(src) });
}

/** tkc's installed files at `dir` (hard links: another path, without copying 50 MB), with the checkout's node_modules. */
function linkedInstall(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const linked = spawnSync("cp", ["-al", ...["bin", "dist", "stdlib", "schemas", "syntax", "compiler", "package.json"].map((entry) => join(repoRoot, entry)), dir], { encoding: "utf8" });
  assert.equal(linked.status, 0, linked.stderr);
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  return join(dir, "bin", "tkc.cjs");
}

function runInstalled(bin: string, args: readonly string[], temp = tempDir("tkc-install-tmp-")) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TMPDIR: temp, TKC_CACHE_DIR: tempDir("tkc-cache-") } });
}

// Before, esbuild read the entry point as a glob: "Must use \"outdir\" when there are multiple
// input files" (TKC2001, "fix the syntax error").
test("a project under a folder whose name holds a * builds; a root descriptor named with one is refused clearly", () => {
  const parent = join(tempDir(), "we*rd");
  copyShop(join(parent, "shop"));
  const built = runTkc(["build", "shop", "--env", "prod", "--out", join(parent, "out")], { cwd: parent });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /^shop\/prod: revision 1 \(version 2\.4\.0\)/);
  const named = join(parent, "shop", "re*lease.k8s.ts");
  cpSync(join(parent, "shop", "release.k8s.ts"), named);
  const refused = runTkc(["build", named, "--env", "prod", "--out", join(parent, "out2")], { cwd: parent });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /re\*lease\.k8s\.ts:1:1 error TKC2005: the root descriptor's path re\*lease\.k8s\.ts holds a "\*", which the bundler reads as a wildcard/);
  assert.match(refused.stderr, /hint: rename the file/);
  assert.doesNotMatch(refused.stderr, /outdir|TKC2001/);
});

// Before, Node 20 aborted every evaluation process at start-up ("Assertion failed:
// !path_prefix.empty()"), which the build reported as "the descriptor used more memory than
// evaluation allows (2048 MiB)" (TKC2009), and tsc read the * in its paths as a pattern (TS2307
// for "tkc"): a user's project in ~/we*rd/app with tkc in its node_modules.
test("tkc installed under a folder whose name holds a * builds, and leaves no temporary folder", () => {
  const bin = linkedInstall(join(tempDir(), "we*rd", "tkc"));
  const project = join(tempDir(), "shop");
  copyShop(project);
  const temp = tempDir("tkc-install-tmp-");
  const built = runInstalled(bin, ["build", project, "--env", "prod", "--out", join(project, "out")], temp);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /^shop\/prod: revision 1 \(version 2\.4\.0\), \+29 ~0 -0 objects/);
  assert.doesNotMatch(built.stderr, /TKC2009|memory/);
  assert.deepEqual(readdirSync(temp).filter((name) => name.startsWith("tkc-realm-")), [], "the realm's linked files are removed");
});

// Before: "TS5058: The specified path does not exist: '/…/back/slash/.tkc-cache/tsconfig….json'"
// from tsc, and for tkc itself Node's stack for ERR_INVALID_MODULE_SPECIFIER (exit 1).
test("a backslash in a project's or tkc's folder name is one clear error", { skip: process.platform === "win32" }, () => {
  const project = join(tempDir(), "back\\slash");
  copyShop(project);
  const built = runTkc(["build", project, "--env", "prod", "--out", join(tempDir(), "out")]);
  assert.equal(built.status, 1);
  assert.match(built.stderr, /error TKC1010: the TypeScript checker cannot read the project's folder .*back\\slash: it takes the backslash in the name for a folder separator\n  hint: rename the folder or file without the backslash/);
  assert.doesNotMatch(built.stderr, /TS5058/);

  const bin = linkedInstall(join(tempDir(), "back\\slash", "tkc"));
  const installed = runInstalled(bin, ["build", join(repoRoot, "examples", "shop"), "--env", "prod", "--out", join(tempDir(), "out")]);
  assert.equal(installed.status, 1);
  assert.match(installed.stderr, /^error: tkc is installed in .*back\\slash[/\\]tkc, whose name holds a backslash: Node\.js cannot load packages from there\n  hint: /);
  assert.doesNotMatch(installed.stderr, /ERR_INVALID_MODULE_SPECIFIER|\n\s+at /);
});
