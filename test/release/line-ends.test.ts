import assert from "node:assert/strict";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=tkc test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
  assert.equal(result.status, 0, `git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A project built and committed with its out/, then cloned as Git for Windows does by default
 * (core.autocrlf=true). `inRepo`: the project's folder in the repository (its top by default);
 * `outDir`: tkc.config.json's.
 */
function windowsClone(attributes: boolean, { inRepo = ".", outDir }: { inRepo?: string; outDir?: string } = {}): string {
  const repo = join(tempDir(), "repo");
  const project = join(repo, inRepo);
  assert.equal(runTkc(["init", project]).status, 0);
  if (!attributes) rmSync(join(project, ".gitattributes"));
  if (outDir) {
    const config = join(project, "tkc.config.json");
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), outDir }));
  }
  git(repo, "init", "--quiet");
  assert.equal(runTkc(["build"], { cwd: project }).status, 0);
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "release");
  const clone = join(tempDir(), "clone");
  git(repo, "-c", "core.autocrlf=true", "clone", "--quiet", repo, clone);
  git(clone, "config", "core.autocrlf", "true");
  return clone;
}

// Before, such a checkout failed every build with "revision 1: objects/... was modified after it
// was recorded" and the hint to restore the history from git, which gave the same bytes again.
test("a committed out/ checked out with CRLF line ends: tkc init's .gitattributes prevents it, and without one tkc says what happened", () => {
  const kept = windowsClone(true);
  assert.doesNotMatch(readFileSync(join(kept, "out", "repo", "dev", "objects", "002-service-web.yaml"), "utf8"), /\r/, "git kept the bytes");
  const unchanged = runTkc(["build"], { cwd: kept });
  assert.equal(unchanged.status, 0, unchanged.stderr);
  assert.match(unchanged.stdout, /^repo\/dev: unchanged, revision 1/m);

  const converted = windowsClone(false);
  assert.match(readFileSync(join(converted, "out", "repo", "dev", "objects", "002-service-web.yaml"), "utf8"), /\r\n/, "git converted them");
  const built = runTkc(["build"], { cwd: converted });
  assert.equal(built.status, 1);
  assert.match(built.stderr, /error TKC4002: revision 1: [^\n]* has CRLF line ends where tkc wrote LF/);
  assert.match(built.stderr, /hint: git converted the line ends on checkout \(core\.autocrlf, Git for Windows' default\): add `out\/\*\* -text` to the \.gitattributes at the repository's top \(tkc init writes it\), then `rm -rf out && git checkout -- out`/);
  const verified = runTkc(["history", "--verify"], { cwd: converted });
  assert.equal(verified.status, 1);
  assert.match(verified.stderr, /error TKC4005: the current bundle .* was checked out with CRLF line ends/);
  assert.match(verified.stderr, /error TKC4005: revision 1: bundle\.json has CRLF line ends where tkc wrote LF/);
  assert.doesNotMatch(verified.stderr, /modified after it was recorded|edited/);
  const diffed = runTkc(["diff", "out/repo/dev", "out/repo/prod"], { cwd: converted });
  assert.equal(diffed.status, 1);
  assert.match(diffed.stderr, /error TKC4105: out\/repo\/dev\/objects\/\S+ has CRLF line ends where tkc wrote LF[^\n]*\n  hint: git converted the line ends[^\n]*: add `out\/repo\/dev\/\*\* -text`/);

  // The repair the hint gives.
  writeFileSync(join(converted, ".gitattributes"), "out/** -text\n");
  rmSync(join(converted, "out"), { recursive: true, force: true });
  git(converted, "checkout", "--", "out");
  assert.equal(runTkc(["history", "--verify"], { cwd: converted }).status, 0);
  assert.equal(runTkc(["build"], { cwd: converted }).status, 0);
});

// The hint named `out/**` whatever the output folder, and a pattern with a slash is anchored at
// the .gitattributes that holds it: for a project in a subfolder it matched nothing.
test("the line-ends hint names the project's own output folder, from the repository's top", () => {
  const clone = windowsClone(false, { inRepo: "deploy/shop", outDir: "rendered" });
  const built = runTkc(["build", "deploy/shop"], { cwd: clone });
  assert.equal(built.status, 1);
  assert.match(built.stderr, /hint: git converted the line ends[^\n]*: add `deploy\/shop\/rendered\/\*\* -text` to the \.gitattributes at the repository's top, then `rm -rf deploy\/shop\/rendered && git checkout -- deploy\/shop\/rendered`/);
  const verified = runTkc(["history", "--verify"], { cwd: join(clone, "deploy", "shop") });
  assert.equal(verified.status, 1);
  assert.match(verified.stderr, /add `deploy\/shop\/rendered\/\*\* -text` to the \.gitattributes at the repository's top, then `rm -rf rendered && git checkout -- rendered`/);

  // The repair the hint gives, as it gives it.
  writeFileSync(join(clone, ".gitattributes"), "deploy/shop/rendered/** -text\n");
  rmSync(join(clone, "deploy", "shop", "rendered"), { recursive: true, force: true });
  git(clone, "checkout", "--", "deploy/shop/rendered");
  assert.equal(runTkc(["build", "deploy/shop"], { cwd: clone }).status, 0);
});

test("a hand edit that is not only line ends keeps its own message", () => {
  const dir = join(tempDir(), "app");
  assert.equal(runTkc(["init", dir]).status, 0);
  assert.equal(runTkc(["build", dir]).status, 0);
  const file = join(dir, "out", "app", "history", "dev", "000001", "objects", "002-service-web.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/\n/g, "\r\n").replace("web", "w3b"));
  const verified = runTkc(["history", dir, "--verify"]);
  assert.equal(verified.status, 1);
  assert.match(verified.stderr, /revision 1: objects\/002-service-web\.yaml was modified after it was recorded/);
  assert.doesNotMatch(verified.stderr, /CRLF|core\.autocrlf/);
});
