import { createHash } from "node:crypto";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { assertGoldenFile } from "../support/golden.js";
import { configMap, deployment, secret, writeBundleDir } from "./helpers.js";
import { bundleDigest } from "../../compiler/emit/bundle-plan.js";

const goldenDir = join(repoRoot, "test", "diff", "golden");

/** A copy of examples/shop (sources only) at `dir`. */
function copyShop(dir: string): void {
  cpSync(join(repoRoot, "examples", "shop"), dir, { recursive: true, filter: (src) => !/[/\\](out|expected|\.tkc-cache)$/.test(src) });
}

/** The realistic change reviewers see: new image tag and version, more replicas, one env var more, the cron job (and its database access) gone. */
function changeShop(dir: string): void {
  const edit = (file: string, from: string | RegExp, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const next = text.replace(from, to);
    assert.notEqual(next, text, `edit of ${file} did not apply`);
    writeFileSync(path, next);
  };
  edit("api.k8s.ts", `image: "registry.example.com/shop/api:2.4.0"`, `image: "registry.example.com/shop/api:2.5.0"`);
  edit("worker.k8s.ts", "prod: 3 }", "prod: 5 }");
  edit("api.k8s.ts", `DATABASE_HOST: "postgres",`, `DATABASE_HOST: "postgres",\n    FEATURE_FLAGS: "checkout-v2",`);
  edit("release.k8s.ts", /^import cleanup .*\n/m, "");
  edit("release.k8s.ts", "    cleanup,\n", "");
  // With the cron job gone, the database no longer admits it (naming it would be TKC3341).
  edit("postgres.k8s.ts", `, "nightly-cleanup"]`, "]");
  edit("release.k8s.ts", `version: "2.4.0"`, `version: "2.5.0"`);
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=tkc test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
  assert.equal(result.status, 0, `git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

test("golden text, markdown and JSON for a realistic change to examples/shop", () => {
  const root = tempDir("tkc-diff-shop-");
  copyShop(join(root, "a"));
  copyShop(join(root, "b"));
  changeShop(join(root, "b"));
  for (const side of ["a", "b"]) {
    const built = runTkc(["build", side, "--env", "prod"], { cwd: root });
    assert.equal(built.status, 0, built.stderr);
  }
  for (const [format, file] of [["text", "shop.txt"], ["markdown", "shop.md"], ["json", "shop.json"]] as const) {
    const result = runTkc(["diff", "a/out/shop/prod", "b/out/shop/prod", "--format", format], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    assertGoldenFile(join(goldenDir, file), result.stdout);
  }
  const json = JSON.parse(runTkc(["diff", "a/out/shop/prod", "b/out/shop/prod", "--format", "json"], { cwd: root }).stdout);
  // api (image, env), orders-worker (replicas), the migration Job (new hash: the same Job, rerun);
  // the cron job removed, and the database policy renamed as it stops admitting it (+1 -1)
  assert.deepEqual(json.diffs[0].summary, { added: 1, removed: 2, changed: 3, unchanged: 24 });
  assert.deepEqual(json.diffs[0].highlights.map((h: { kind: string }) => h.kind), ["image", "image", "replicas"]);
  rmSync(root, { recursive: true, force: true });
});

test("--exit-code: 0 for identical bundles, 1 for different ones", () => {
  const objects = [deployment("api", [{ name: "api" }]), configMap("settings", { a: "1" })];
  const a = writeBundleDir(objects);
  const same = writeBundleDir(objects, { layout: "stream" });
  const other = writeBundleDir([deployment("api", [{ name: "api" }], { replicas: 3 }), configMap("settings", { a: "1" })]);
  const identical = runTkc(["diff", a, same, "--exit-code"]);
  assert.equal(identical.status, 0, identical.stderr);
  assert.match(identical.stdout, /No differences \(2 objects identical\)/);
  const different = runTkc(["diff", a, other, "--exit-code"]);
  assert.equal(different.status, 1, different.stderr);
  assert.match(different.stdout, /~ spec\.replicas: 2 → 3/);
  assert.equal(runTkc(["diff", a, other]).status, 0, "without --exit-code differences are not a failure");
  assert.equal(JSON.parse(runTkc(["diff", a, other, "--format", "json", "--exit-code"]).stdout).different, true);
});

test("a Secret value never reaches the CLI's output", () => {
  const a = writeBundleDir([secret("db", { password: "s3cret-before" })]);
  const b = writeBundleDir([secret("db", { password: "s3cret-after" })]);
  for (const format of ["text", "markdown", "json"]) {
    const result = runTkc(["diff", a, b, "--format", format]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!/s3cret/.test(result.stdout + result.stderr), result.stdout);
    assert.match(result.stdout, /<redacted: changed>/);
  }
});

test("a bundle file that is a symbolic link is refused, and its target is never printed", () => {
  const planted = tempDir();
  writeFileSync(join(planted, "config.json"), '{"auths":{"registry.example.com":{"auth":"cmVnaXN0cnktY3JlZGVudGlhbA=="}}}\n');
  const a = writeBundleDir([configMap("innocent", { a: "1" })]);
  const b = writeBundleDir([configMap("innocent", { a: "2" })]);
  rmSync(join(b, "objects/001-configmap-innocent.yaml"));
  symlinkSync(join(planted, "config.json"), join(b, "objects/001-configmap-innocent.yaml"));
  for (const format of ["text", "markdown", "json"]) {
    const result = runTkc(["diff", a, b, "--format", format]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /error TKC4106: .*001-configmap-innocent\.yaml is a symbolic link/);
    assert.ok(!/cmVnaXN0cnk|auths/.test(result.stdout + result.stderr), result.stdout + result.stderr);
  }
});

test("an object whose bytes no longer match bundle.json is an error, not a warning", () => {
  const a = writeBundleDir([configMap("settings", { a: "1" })]);
  const b = writeBundleDir([configMap("settings", { a: "2" })]);
  const file = join(b, "objects/001-configmap-settings.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace('a: "2"', 'a: "3"'));
  const result = runTkc(["diff", a, b]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /error TKC4105: .*001-configmap-settings\.yaml was changed after the build/);
  assert.equal(result.stdout, "");
});

// A bundle may be anyone's (pulled, or from a commit): its objects are read with the nesting guard.
test("an object nested thousands of levels deep, its sha256 in bundle.json, is a diagnostic, not a stack overflow", () => {
  const a = writeBundleDir([configMap("settings", { a: "1" })]);
  const b = writeBundleDir([configMap("settings", { a: "2" })]);
  const file = join(b, "objects/001-configmap-settings.yaml");
  const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: ${"[".repeat(6000)}${"]".repeat(6000)}\n`;
  writeFileSync(file, deep);
  const manifestFile = join(b, "bundle.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  manifest.objects[0].sha256 = createHash("sha256").update(deep).digest("hex");
  manifest.digest = bundleDigest(manifest.objects, manifest.inputs);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const result = runTkc(["diff", a, b]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /error TKC\d+: .*001-configmap-settings\.yaml is not valid YAML: it nests deeper than 400 levels \(line 5\), which tkc does not read/);
  assert.doesNotMatch(result.stderr, /call stack|internal error/);
});

// bundle.json's names are not part of the digest, and a pulled artifact or a pull request's
// bundle may hold anything there: they were printed raw in the header, so an environment of
// "dev\n::error::forged" forged a CI annotation, and a stale digest read as "the same objects".
test("a bundle whose names or digest are not tkc's is refused, and no printed line starts a workflow command", () => {
  const good = writeBundleDir([configMap("settings", { a: "1" })]);
  const forge = (edit: (manifest: Record<string, unknown> & { objects: Record<string, unknown>[] }) => void, objectEdit?: (text: string) => string) => {
    const dir = writeBundleDir([configMap("settings", { a: "2" })]);
    const manifestFile = join(dir, "bundle.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    edit(manifest);
    if (objectEdit) {
      const file = join(dir, manifest.objects[0].file);
      const text = objectEdit(readFileSync(file, "utf8"));
      writeFileSync(file, text);
      manifest.objects[0].sha256 = createHash("sha256").update(text).digest("hex");
      manifest.digest = bundleDigest(manifest.objects, manifest.inputs);
    }
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    return dir;
  };
  const refusals: [Parameters<typeof forge>[0], RegExp][] = [
    [(m) => void (m.environment = "dev\n::error::forged"), /TKC4103: .*"environment" is not an environment name/],
    [(m) => void (m.release = "x` | <img src=x>"), /TKC4103: .*"release" is not a release name/],
    [(m) => void (m.version = "9.9.9 | **approved**"), /TKC4103: .*"version" is not a semantic version/],
    [(m) => void (m.digest = "sha256:" + "0".repeat(64)), /TKC4105: .*bundle\.json was changed after the build: its digest does not match the objects it lists/],
  ];
  for (const [edit, message] of refusals) {
    for (const format of ["text", "markdown", "json"]) {
      const result = runTkc(["diff", good, forge(edit), "--format", format]);
      assert.equal(result.status, 1, result.stdout);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, "");
    }
  }
  // An object whose name holds a newline, its sha256 and the digest made to match: shown escaped.
  const named = forge((m) => void (m.objects[0]!.name = "settings\n::error::forged"), (text) => text.replace("name: settings", 'name: "settings\\n::error::forged"'));
  for (const format of ["text", "markdown"]) {
    const result = runTkc(["diff", good, named, "--format", format]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /settings\\u000a::error::forged/);
    assert.doesNotMatch(result.stdout, /^\s*::/m);
  }
});

test("a missing or corrupt bundle is a diagnostic with a hint, not a crash", () => {
  const good = writeBundleDir([configMap("settings", { a: "1" })]);
  const missing = runTkc(["diff", good, join(good, "nope")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /error TKC4101: no bundle directory at/);
  assert.match(missing.stderr, /hint: build it first/);

  const empty = tempDir();
  assert.match(runTkc(["diff", good, empty]).stderr, /error TKC4102: .* has no bundle\.json/);

  const corrupt = writeBundleDir([configMap("settings", { a: "1" })]);
  writeFileSync(join(corrupt, "bundle.json"), "{ not json");
  const bad = runTkc(["diff", good, corrupt]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /error TKC4103: .*bundle\.json is not valid JSON/);

  const lost = writeBundleDir([configMap("settings", { a: "2" })]);
  rmSync(join(lost, "objects/001-configmap-settings.yaml"));
  assert.match(runTkc(["diff", good, lost]).stderr, /error TKC4104: .*001-configmap-settings\.yaml is missing/);

  const edited = writeBundleDir([configMap("settings", { a: "3" })]);
  writeFileSync(join(edited, "objects/001-configmap-settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n");
  const broken = runTkc(["diff", good, edited]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /error TKC4105: .*changed after the build/);
  assert.doesNotMatch(broken.stderr, /internal error/);
});

// GitHub refuses a pull-request comment over 65,536 characters; a 400-key ConfigMap change
// rendered to 180,000, so the documented `--format markdown > diff.md` comment could not be posted.
test("--format markdown stays under --comment-limit (60,000 by default): whole objects while they fit, then a count", () => {
  const data = (prefix: string) => Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`key${i}`, `${prefix}-${i}-${"x".repeat(200)}`]));
  // in install order: a-small, b-big, then c-more-0 ...
  const objects = (prefix: string) => [configMap("a-small", { a: prefix }), configMap("b-big", data(prefix)), ...Array.from({ length: 30 }, (_, i) => configMap(`c-more-${String(i).padStart(2, "0")}`, data(`${prefix}${i}`)))];
  const before = writeBundleDir(objects("old"));
  const after = writeBundleDir(objects("new"));
  const cut = runTkc(["diff", before, after, "--format", "markdown"]);
  assert.equal(cut.status, 0, cut.stderr);
  assert.ok(cut.stdout.length <= 60_000, `${cut.stdout.length} characters`);
  // every object is in the table; the first (small) one is shown whole, the big one cut, the rest counted
  assert.match(cut.stdout, /\| ✏️ changed \| `ConfigMap shop-prod\/c-more-29` \|/);
  assert.match(cut.stdout, /<summary><code>~ ConfigMap shop-prod\/a-small<\/code> \(1 change\)<\/summary>/);
  assert.match(cut.stdout, /<summary><code>~ ConfigMap shop-prod\/b-big<\/code> \(400 changes\)<\/summary>/);
  assert.match(cut.stdout, /… \d+ more lines of this object's diff\n```\n\n<\/details>/);
  assert.match(cut.stdout, /_This comment stops at 60,000 characters \(`--comment-limit`\): the rest of one object's changes, the changes of 30 more objects are not shown\. /);
  assert.equal((cut.stdout.match(/^```/gm) ?? []).length % 2, 0, "every fence is closed");
  const whole = runTkc(["diff", before, after, "--format", "markdown", "--comment-limit", "0"]);
  assert.ok(whole.stdout.length > 1_000_000);
  assert.doesNotMatch(whole.stdout, /This comment stops/);
  const small = runTkc(["diff", before, after, "--format", "markdown", "--comment-limit", "2000"]);
  assert.ok(small.stdout.length <= 2000 + 800, `${small.stdout.length}: the table is cut too`);
  assert.match(small.stdout, /more objects in the table/);
  assert.equal(runTkc(["diff", before, after, "--format", "markdown", "--comment-limit", "1.5"]).status, 2);
});

test("usage errors exit 2", () => {
  assert.equal(runTkc(["diff", "only-one"]).status, 2);
  assert.equal(runTkc(["diff", "shop", "--from", "1"]).status, 2, "--from needs --env");
  assert.equal(runTkc(["diff", "a", "b", "--format", "html"]).status, 2);
  const help = runTkc(["diff", "--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /tkc diff shop --env prod --from 6 --to 8/);
});

/** Every file under a repository's .git, with its size and modification time: what a read-only use of it keeps. */
function gitFolderState(repo: string): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else lines.push(`${full} ${lstatSync(full).size} ${lstatSync(full).mtimeMs}`);
    }
  };
  walk(join(repo, ".git"));
  return lines.sort().join("\n");
}

test("--base builds the project at a git ref from a temporary export and diffs it with the working tree", () => {
  const repo = tempDir("tkc-diff-git-");
  git(repo, "init", "--quiet");
  writeFileSync(join(repo, "README.md"), "shop\n");
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "empty");
  copyShop(join(repo, "deploy", "shop"));
  // files beside the project are not the project's: they need not be exported
  mkdirSync(join(repo, "other"));
  writeFileSync(join(repo, "other", "notes.txt"), "not shop\n");
  writeFileSync(join(repo, ".gitignore"), "out/\n.tkc-cache/\n");
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "shop 2.4.0");
  changeShop(join(repo, "deploy", "shop"));
  const statusBefore = git(repo, "status", "--porcelain");
  // after the status, which may refresh the index file
  const gitBefore = gitFolderState(repo);

  const result = runTkc(["diff", "deploy/shop", "--base", "HEAD", "--env", "prod", "--exit-code"], { cwd: repo });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /^--- HEAD \([0-9a-f]{12}\)  shop\/prod 2\.4\.0 sha256:/m);
  assert.match(result.stdout, /^\+\+\+ working tree  shop\/prod 2\.5\.0 sha256:/m);
  assert.match(result.stdout, /Summary: 3 changed, 1 added, 2 removed, 24 unchanged/);
  assert.match(result.stdout, /\+ spec\.template\.spec\.containers\[name=api\]\.env\[name=FEATURE_FLAGS\]/);
  // the same, with the project named by its root descriptor and from inside it
  const byFile = runTkc(["diff", "release.k8s.ts", "--base", "HEAD", "--env", "prod"], { cwd: join(repo, "deploy", "shop") });
  assert.equal(byFile.status, 0, byFile.stderr);
  assert.match(byFile.stdout, /Summary: 3 changed, 1 added, 2 removed, 24 unchanged/);

  // every environment when --env is not given; a project that did not exist at the base is all added
  const fresh = runTkc(["diff", "deploy/shop", "--base", "HEAD~1", "--format", "json"], { cwd: repo });
  assert.equal(fresh.status, 0, fresh.stderr);
  const diffs = JSON.parse(fresh.stdout).diffs;
  assert.deepEqual(diffs.map((d: { to: { environment: string } }) => d.to.environment), ["dev", "staging", "prod"]);
  for (const d of diffs) assert.deepEqual([d.summary.added, d.summary.removed, d.summary.changed, d.from.digest], [28, 0, 0, undefined]);

  // the user's repository is only read: same status, no worktree, not a byte of .git changed, no out/ written
  // (first: the test's own `git status` refreshes the index file)
  assert.equal(gitFolderState(repo), gitBefore);
  assert.equal(git(repo, "status", "--porcelain"), statusBefore);
  assert.equal(git(repo, "worktree", "list").trim().split("\n").length, 1);
  assert.ok(!existsSync(join(repo, "deploy", "shop", "out")));

  const badRef = runTkc(["diff", "deploy/shop", "--base", "no-such-branch"], { cwd: repo });
  assert.equal(badRef.status, 1);
  assert.match(badRef.stderr, /error TKC4121: 'no-such-branch' does not name a commit/);
  rmSync(repo, { recursive: true, force: true });
});

// CI checks out one commit (actions/checkout's fetch-depth: 1): the base was "not a commit",
// with the advice to check its spelling.
test("--base in a shallow clone: the message says so, and the fetch its hint gives makes the diff work", () => {
  const repo = tempDir("tkc-diff-shallow-");
  git(repo, "init", "--quiet");
  copyShop(join(repo, "shop"));
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "shop");
  changeShop(join(repo, "shop"));
  git(repo, "commit", "--quiet", "-am", "change");
  const clone = join(tempDir("tkc-diff-shallow-clone-"), "clone");
  git(repo, "clone", "--quiet", "--depth", "1", pathToFileURL(repo).href, clone);
  const shallow = runTkc(["diff", "shop", "--base", "HEAD~1", "--env", "prod"], { cwd: clone });
  assert.equal(shallow.status, 1);
  assert.match(shallow.stderr, /error TKC4121: 'HEAD~1' does not name a commit in \S+, a shallow clone that holds only the last commits\n  hint: fetch the base first: [^\n]*`git fetch --deepen=1` for a parent commit/);
  git(clone, "fetch", "--quiet", "--deepen=1");
  const deepened = runTkc(["diff", "shop", "--base", "HEAD~1", "--env", "prod"], { cwd: clone });
  assert.equal(deepened.status, 0, deepened.stderr);
  assert.match(deepened.stdout, /^--- HEAD~1 \([0-9a-f]{12}\)  shop\/prod 2\.4\.0/m);
});

// The base's export is a folder of tkc's own under TMPDIR: Ctrl-C removes it, and one a killed
// run left (SIGKILL) is removed by the next run; the repository never holds anything of it.
test("--base interrupted: Ctrl-C removes the export at once; one a killed run left is swept by the next run", async () => {
  const repo = tempDir("tkc-diff-signal-");
  git(repo, "init", "--quiet");
  copyShop(join(repo, "shop"));
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "shop");
  const gitBefore = gitFolderState(repo);
  // The runs' own TMPDIR, so that their temporary folders can be watched.
  const temp = tempDir("tkc-diff-tmp-");
  const exports = () => readdirSync(temp).filter((name) => name.startsWith("tkc-diff-"));
  // Starts `tkc diff --base HEAD` and sends `signal` once the base's files are out: to tkc
  // alone, or to its process group, as a terminal's Ctrl-C does.
  const interrupted = async (signal: NodeJS.Signals, group = false) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "diff", "shop", "--base", "HEAD"], { cwd: repo, stdio: "ignore", detached: group, env: { ...process.env, TMPDIR: temp, TKC_CACHE_DIR: tempDir("tkc-cache-") } });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const exported = () => exports().some((name) => existsSync(join(temp, name, "base", "shop", "release.k8s.ts")));
    let seen = false;
    for (let i = 0; i < 1000 && !(seen = exported()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    // while the base is out, the repository knows nothing of it (an earlier tkc registered a worktree)
    const registered = git(repo, "worktree", "list", "--porcelain").split("\n").filter((line) => line.startsWith("worktree ")).length;
    if (group) process.kill(-child.pid!, signal);
    else child.kill(signal);
    assert.ok(seen, "the base's files were out when the signal was sent");
    assert.equal(registered, 1, "no worktree registered for the base");
    return exited;
  };
  assert.equal(await interrupted("SIGINT"), 130);
  assert.deepEqual(exports(), [], "Ctrl-C removed the export");
  assert.equal(await interrupted("SIGINT", true), 130, "Ctrl-C to the process group is an interruption too");
  assert.deepEqual(exports(), [], "and leaves nothing");
  assert.equal(await interrupted("SIGKILL"), null);
  assert.equal(exports().length, 1, "a SIGKILL leaves the export");
  // A tkc from before the exports registered a worktree in the repository; killed, it left one.
  const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
  const legacy = join(temp, `tkc-diff-${gone}-1-abc123`, "base");
  git(repo, "worktree", "add", "--detach", "--quiet", legacy, "HEAD");
  const next = runTkc(["diff", "shop", "--base", "HEAD"], { cwd: repo, env: { TMPDIR: temp } });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(exports(), [], "the next run swept both");
  assert.equal(git(repo, "worktree", "list", "--porcelain").split("\n").filter((line) => line.startsWith("worktree ")).length, 1, "and pruned the old worktree");
  // Apart from that old worktree's own registration, the runs never wrote to the repository.
  assert.equal(gitFolderState(repo), gitBefore);
  rmSync(repo, { recursive: true, force: true });
});

test("--from/--to diffs two revisions of a release's history", () => {
  const root = tempDir("tkc-diff-history-");
  copyShop(join(root, "shop"));
  const out = join(root, "releases");
  assert.equal(runTkc(["build", "shop", "--env", "prod", "--out", out], { cwd: root }).status, 0);
  changeShop(join(root, "shop"));
  const second = runTkc(["build", "shop", "--env", "prod", "--out", out], { cwd: root });
  assert.equal(second.status, 0, second.stderr);
  const result = runTkc(["diff", "shop", "--env", "prod", "--from", "1", "--to", "2", "--out", out, "--exit-code"], { cwd: root });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /^--- shop\/prod revision 1  shop\/prod 2\.4\.0/m);
  assert.match(result.stdout, /^\+\+\+ shop\/prod revision 2  shop\/prod 2\.5\.0/m);
  assert.match(result.stdout, /- CronJob shop-prod\/nightly-cleanup removed/);
  // --to defaults to the latest, --from to the one before it
  assert.equal(runTkc(["diff", "shop", "--env", "prod", "--to", "2", "--out", out], { cwd: root }).stdout, result.stdout);
  const missing = runTkc(["diff", "shop", "--env", "prod", "--from", "1", "--to", "9", "--out", out], { cwd: root });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /error TKC4110: .* has no revision 9/);
  rmSync(root, { recursive: true, force: true });
});

test("two environments are compared object by object, their own namespaces set aside", () => {
  const out = tempDir("tkc-diff-envs-");
  assert.equal(runTkc(["build", "examples/shop", "--out", out]).status, 0);
  const result = runTkc(["diff", join(out, "shop", "staging"), join(out, "shop", "prod"), "--format", "json"]);
  const diff = JSON.parse(result.stdout).diffs[0];
  assert.equal(diff.summary.added, 0, "nothing looks added just because the namespace differs");
  assert.equal(diff.summary.removed, 0);
  assert.ok(diff.summary.unchanged > 10, "objects equal but for their namespace count as unchanged");
  const paths = diff.objects.flatMap((o: { changes: { path: string }[] }) => o.changes.map((c) => c.path));
  assert.ok(!paths.includes("metadata.namespace"));
  assert.ok(diff.objects.some((o: { kind: string; changes: { path: string }[] }) => o.kind === "Ingress" && o.changes.some((c) => c.path === "spec.rules[0].host")));
});
