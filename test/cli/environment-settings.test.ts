import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// Settings read from the environment, and the working folder.
// SOURCE_DATE_EPOCH pins the times tkc stamps (reproducible-builds.org): a malformed value is a
// mistake to report, before any work. Before, `abc` silently fell back to the clock (a different
// history every run), and a number past the year 9999 crashed the build with exit 70.
function hello(): string {
  const dir = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), dir, { recursive: true, filter: (path) => !path.includes("expected") });
  return dir;
}

const MALFORMED = ["abc", "2026-12-01", "1.5", "-5", "1700000000 ", "99999999999999999", "253402300800"];

test("a malformed SOURCE_DATE_EPOCH stops build, rollback and push before any work (TKC1007)", () => {
  const project = hello();
  const out = join(project, "out");
  for (const value of MALFORMED) {
    const built = runTkc(["build", project, "--out", out], { env: { SOURCE_DATE_EPOCH: value } });
    assert.equal(built.status, 1, `${value}: ${built.stderr}`);
    assert.ok(built.stderr.startsWith(`error TKC1007: SOURCE_DATE_EPOCH is ${JSON.stringify(value)}: `), built.stderr);
    assert.match(built.stderr, /hint: set it from the commit \(SOURCE_DATE_EPOCH=\$\(git log -1 --format=%ct\)\)/);
    assert.doesNotMatch(built.stderr, /internal error|at .*\.cjs:\d+/);
    assert.equal(existsSync(out), false, `${value}: nothing is written`);
  }
  assert.match(runTkc(["build", project, "--out", out], { env: { SOURCE_DATE_EPOCH: "253402300800" } }).stderr, /is "253402300800": a time past the year 9999/);

  // A good build, then the same build (nothing to do) and a rollback with a malformed value.
  assert.equal(runTkc(["build", project, "--out", out], { env: { SOURCE_DATE_EPOCH: "1767225600" } }).status, 0);
  const warm = runTkc(["build", project, "--out", out], { env: { SOURCE_DATE_EPOCH: "tomorrow" } });
  assert.equal(warm.status, 1, warm.stdout + warm.stderr);
  assert.match(warm.stderr, /TKC1007/);
  const rollback = runTkc(["rollback", project, "--env", "dev", "--to", "1", "--out", out], { env: { SOURCE_DATE_EPOCH: "tomorrow" } });
  assert.equal(rollback.status, 1);
  assert.match(rollback.stderr, /TKC1007/);
  // Refused before the registry is asked: nothing listens on port 9.
  const push = runTkc(["push", join(out, "hello", "dev"), "oci://127.0.0.1:9/acme/hello:1.0.0", "--plain-http"], { env: { SOURCE_DATE_EPOCH: "tomorrow" } });
  assert.equal(push.status, 1);
  assert.match(push.stderr, /TKC1007/);
  assert.doesNotMatch(push.stderr, /TKC61\d\d/);
  assert.deepEqual(readdirSync(join(out, "hello", "history", "dev")), ["000001"]);
});

test("a well-formed SOURCE_DATE_EPOCH is the revision's time; an empty one is the same as none", () => {
  const project = hello();
  const out = join(project, "out");
  assert.equal(runTkc(["build", project, "--out", out], { env: { SOURCE_DATE_EPOCH: "1767225600" } }).status, 0);
  const record = JSON.parse(readFileSync(join(out, "hello", "history", "dev", "000001", "revision.json"), "utf8")) as { createdAt: string };
  assert.equal(record.createdAt, "2026-01-01T00:00:00Z");
  const other = hello();
  const built = runTkc(["build", other, "--out", join(other, "out")], { env: { SOURCE_DATE_EPOCH: "" } });
  assert.equal(built.status, 0, built.stderr);
});

// The evaluation limits: a malformed one was replaced by the default unsaid, and one past Node's
// timer range (9999999999 ms) ended every evaluation at once as "did not finish within 9999999999 ms".
test("a malformed evaluation limit stops every command before any work (TKC1008); a good one applies", () => {
  const project = hello();
  const out = join(project, "out");
  for (const [name, value] of [["TKC_EVAL_TIMEOUT_MS", "9999999999"], ["TKC_EVAL_TIMEOUT_MS", "10s"], ["TKC_EVAL_TIMEOUT_MS", "1.5"], ["TKC_EVAL_MEMORY_MB", "2GB"], ["TKC_EVAL_MEMORY_MB", "0"]] as const) {
    for (const args of [["build", project, "--out", out], ["check", project], ["validate", join(repoRoot, "examples", "hello", "expected")]]) {
      const run = runTkc(args, { env: { [name]: value } });
      assert.equal(run.status, 1, `${name}=${value} tkc ${args[0]}: ${run.stdout}${run.stderr}`);
      assert.ok(run.stderr.startsWith(`error TKC1008: ${name} is ${JSON.stringify(value)}: it must be a whole number of `), run.stderr);
      assert.match(run.stderr, /hint: write a number such as \d+ \(the default\), or unset it/);
    }
  }
  assert.equal(existsSync(out), false);
  // Both at once: both reported, in one run.
  const both = runTkc(["check", project], { env: { TKC_EVAL_TIMEOUT_MS: "soon", TKC_EVAL_MEMORY_MB: "lots" } });
  assert.match(both.stderr, /TKC_EVAL_TIMEOUT_MS is "soon"[\s\S]*TKC_EVAL_MEMORY_MB is "lots"[\s\S]*2 errors/);
  // The ceiling itself is a limit that holds (the build takes well under it).
  const long = runTkc(["build", project, "--out", out], { env: { TKC_EVAL_TIMEOUT_MS: "1000000000", TKC_EVAL_MEMORY_MB: "" } });
  assert.equal(long.status, 0, long.stderr);
  assert.doesNotMatch(long.stderr, /TimeoutOverflowWarning|did not finish/);
});

// TKC_CACHE_DIR: empty is unset (it resolved to the working directory, which filled with cache
// files); a cache folder tkc cannot create is a TKC4008 that names the setting, not --out.
test("an empty TKC_CACHE_DIR is unset; one that cannot be created names the setting", () => {
  const project = hello();
  const cwd = tempDir();
  const built = runTkc(["build", project, "--out", join(project, "out")], { cwd, env: { TKC_CACHE_DIR: "" } });
  assert.equal(built.status, 0, built.stderr);
  assert.deepEqual(readdirSync(cwd), []);
  assert.ok(readdirSync(join(project, ".tkc-cache")).some((name) => name.startsWith("typecheck-")));

  writeFileSync(join(cwd, "a-file"), "");
  const blocked = runTkc(["build", project, "--out", join(project, "out-2")], { cwd, env: { TKC_CACHE_DIR: "a-file/cache" } });
  assert.equal(blocked.status, 1);
  assert.match(blocked.stderr, /^error TKC4008: cannot write a-file\/cache: a part of the path is a file, not a folder\n  hint: TKC_CACHE_DIR names this cache folder: point it at a folder tkc may write, or unset it/);
});

// A working folder deleted since the shell entered it (a CI step after `rm -rf` of its own
// folder): Node's stack for uv_cwd was printed, from yargs loading.
test("a working folder that no longer exists is a clear error, not a stack", () => {
  const gone = tempDir();
  const result = spawnSync("sh", ["-c", `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${join(repoRoot, "bin", "tkc.cjs")}" build "${join(repoRoot, "examples", "hello")}"`], { encoding: "utf8" });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr, "error: the current folder no longer exists (it was deleted or moved since the shell entered it)\n  hint: cd into a folder that exists and run tkc again\n");
});

// A checkout tkc may not write into (a read-only mount, a file named .tkc-cache) built nothing:
// the cache could not be created, and the error told the user to change --out.
test("a project whose cache folder cannot be made still builds into --out, with a cache of the run's own", () => {
  const project = hello();
  writeFileSync(join(project, ".tkc-cache"), "not a folder\n");
  const out = join(tempDir(), "out");
  const built = runTkc(["build", project, "--out", out], { env: { TKC_CACHE_DIR: "" } });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /hello\/dev: revision 1/);
  assert.equal(readFileSync(join(project, ".tkc-cache"), "utf8"), "not a folder\n");
  assert.deepEqual(readdirSync(project).sort(), [".tkc-cache", "release.k8s.ts"]);
});

// TMPDIR naming a folder that does not exist crashed every build that renders a chart or a
// kustomization (exit 70, ENOENT from mkdtemp), and a read-only checkout's build.
test("a TMPDIR that is not a folder stops every command before any work (TKC1009)", () => {
  const project = hello();
  const missing = join(tempDir(), "no-such-folder");
  for (const args of [["build", project, "--out", join(project, "out")], ["check", project], ["validate", join(repoRoot, "examples", "hello", "expected")]]) {
    const run = runTkc(args, { env: { TMPDIR: missing } });
    assert.equal(run.status, 1, `tkc ${args[0]}: ${run.stdout}${run.stderr}`);
    assert.ok(run.stderr.startsWith(`error TKC1009: TMPDIR names ${JSON.stringify(missing)}, which is not a folder: tkc makes its temporary folders there\n  hint: create that folder`), run.stderr);
  }
  assert.equal(existsSync(join(project, "out")), false);
});
