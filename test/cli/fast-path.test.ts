import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { plainBuildArgs, warmMain } from "../../compiler/cli/warm-main.js";
import { build } from "../../compiler/pipeline.js";
import { repoRoot, runTkc, spawnTkc, tempDir } from "../support/cli.js";

// `tkc build` with nothing to do is answered by the pipeline's front alone (dist/warm.cjs, loaded
// by bin/tkc.cjs before the compiler). It must say exactly what the full CLI says, and leave
// every other run to it.

function copyHello(): string {
  const project = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  return project;
}

function captured(env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const io = { env, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  return { io, out: () => stdout, err: () => stderr };
}

test("the fast path answers a warm build through bin/tkc.cjs with the full CLI's output", async () => {
  const project = copyHello();
  const out = tempDir();
  const env = { TKC_CACHE_DIR: join(out, "..", `cache-${process.pid}`) };
  const cold = await spawnTkc(["build", project, "--out", out], { env });
  assert.equal(cold.status, 0, cold.stderr);
  const viaFront = await spawnTkc(["build", project, "--out", out, "--env", "dev"], { env: { ...env, TKC_TIMINGS: "1" } });
  assert.equal(viaFront.status, 0, viaFront.stderr);
  // An --env list is part of the build's key: the first build with it has work to do.
  assert.doesNotMatch(viaFront.stderr, /"front"/);
  const again = await spawnTkc(["build", project, "--out", out, "--env", "dev"], { env: { ...env, TKC_TIMINGS: "1" } });
  assert.equal(again.status, 0, again.stderr);
  const timings = JSON.parse(again.stderr.trim().split("\n").pop()!) as Record<string, number>;
  assert.ok("front" in timings, `the front answered: ${again.stderr}`);
  const full = runTkc(["build", project, "--out", out, "--env", "dev"], { env });
  assert.equal(full.status, 0, full.stderr);
  assert.equal(again.stdout, full.stdout, "the same lines as the full CLI");
  assert.match(again.stdout, /^hello\/dev: unchanged, revision 1 \(version [^)]+\), \d+ objects, sha256:[0-9a-f]{12}… in .*\n$/);
});

test("the fast path leaves edited projects, touched bundles and other forms to the full CLI", async () => {
  const project = copyHello();
  const out = tempDir();
  const cache = tempDir("tkc-fast-cache-");
  const saved = process.env.TKC_CACHE_DIR;
  process.env.TKC_CACHE_DIR = cache;
  try {
    const args = ["build", project, "--out", out];
    assert.equal(warmMain(args, captured().io), undefined, "nothing built yet");
    // built in this process, as warmMain runs here (from the sources: their own toolchain key)
    assert.equal((await build({ target: project, outDir: out, write: true, log: () => undefined })).ok, true);
    const answered = captured();
    assert.equal(warmMain(args, answered.io), 0);
    assert.match(answered.out(), /^hello\/dev: unchanged, revision 1/);
    assert.equal(answered.err(), "");
    for (const other of [[...args, "--set", "x=1"], [...args, "--format", "json"], [...args, "--out", "-"], ["build", project, "--out=-"], ["check", project], [...args, "--watch"], [...args, "--env", ""]]) {
      assert.equal(warmMain(other, captured().io), undefined, other.join(" "));
    }
    // a bundle file edited by hand: the full build restores it
    const file = join(out, "hello", "dev", "bundle.json");
    writeFileSync(file, readFileSync(file, "utf8") + " ");
    assert.equal(warmMain(args, captured().io), undefined, "a touched bundle is not warm");
    // the history's latest revision touched (its record rewritten, say by hand): not warm
    assert.equal((await build({ target: project, outDir: out, write: true, log: () => undefined })).ok, true);
    assert.equal(warmMain(args, captured().io), 0);
    const record = join(out, "hello", "history", "dev", "000001", "revision.json");
    writeFileSync(record, readFileSync(record, "utf8"));
    utimesSync(record, new Date(0), new Date(0));
    assert.equal(warmMain(args, captured().io), undefined, "a touched history is not warm");
    // an edited descriptor
    assert.equal((await build({ target: project, outDir: out, write: true, log: () => undefined })).ok, true);
    assert.equal(warmMain(args, captured().io), 0);
    const descriptor = join(project, "release.k8s.ts");
    writeFileSync(descriptor, readFileSync(descriptor, "utf8") + "\n// edited\n");
    assert.equal(warmMain(args, captured().io), undefined, "an edited descriptor is not warm");
  } finally {
    if (saved === undefined) delete process.env.TKC_CACHE_DIR;
    else process.env.TKC_CACHE_DIR = saved;
  }
});

test("plain build arguments are read as yargs reads them", () => {
  assert.deepEqual(plainBuildArgs(["build"]), { project: ".", layout: "files" });
  assert.deepEqual(plainBuildArgs(["build", "p", "-o", "o", "-e", "a,b", "--env", "b,c", "--layout=stream"]), { project: "p", out: "o", environments: ["a", "b", "c"], layout: "stream" });
  assert.deepEqual(plainBuildArgs(["build", "--out=o", "p"]), { project: "p", out: "o", layout: "files" });
  for (const other of [["build", "p", "q"], ["build", "--layout", "zip"], ["build", "--out"], ["build", "--keep", "3"], ["build", "--", "p"], ["validate", "p"], ["build", "-h"]]) {
    assert.equal(plainBuildArgs(other), undefined, other.join(" "));
  }
});
