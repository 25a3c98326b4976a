import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { bigProject } from "../release/support.js";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

/** A scratch copy of an example, without its goldens or outputs. */
function copyExample(name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join(repoRoot, "examples", name), dir, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  return dir;
}

/** Every file under a folder (hidden ones included), as relative paths. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

test("build --out - prints the stream layout's bytes on stdout and writes nothing", () => {
  const project = copyExample("shop");
  const cache = tempDir("tkc-cache-");
  const before = listing(project);
  const printed = runTkc(["build", project, "--env", "prod", "--out", "-"], { env: { TKC_CACHE_DIR: cache } });
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stderr, "");
  assert.deepEqual(listing(project), before, "no bundle, no history, no folder named -");
  assert.deepEqual(readdirSync(cache).filter((f) => f.startsWith("build-")), [], "no warm-build entry: the next build must still write the bundle");

  const out = tempDir();
  const streamed = runTkc(["build", project, "--env", "prod", "--out", out, "--layout", "stream"]);
  assert.equal(streamed.status, 0, streamed.stderr);
  assert.equal(printed.stdout, readTree(join(out, "shop", "prod")).get("objects/manifests.yaml"), "the same documents, in install order");
  // -o - is the same
  assert.equal(runTkc(["build", project, "--env", "prod", "-o", "-"]).stdout, printed.stdout);
});

test("--show-only KIND/NAME prints those objects only, in install order; kinds in any case", () => {
  const project = copyExample("shop");
  const result = runTkc(["build", project, "--env", "prod", "--out", "-", "--show-only", "deployment/api", "--show-only", "Namespace/shop-prod"]);
  assert.equal(result.status, 0, result.stderr);
  const documents = result.stdout.split(/^---\n/m).filter(Boolean);
  assert.equal(documents.length, 2);
  assert.match(documents[0]!, /^apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-prod\n/);
  assert.match(documents[1]!, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: api\n/);
});

test("--show-only that selects nothing is an error with a did-you-mean, and stdout stays empty", () => {
  const project = copyExample("shop");
  const result = runTkc(["build", project, "--env", "prod", "--out", "-", "--show-only", "Deployment/api", "--show-only", "Service/apj"]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /error TKC1006: --show-only Service\/apj selects no object of shop\/prod\n  hint: did you mean Service\/api\?/);
});

test("--out - with several environments, and --show-only without --out -, are usage errors", () => {
  const project = copyExample("shop");
  const all = runTkc(["build", project, "--out", "-"]);
  assert.equal(all.status, 2);
  assert.match(all.stderr, /--out - prints one environment; name one with --env: dev, staging, prod/);
  assert.equal(all.stdout, "");
  const two = runTkc(["build", project, "--env", "dev,prod", "--out", "-"]);
  assert.equal(two.status, 2);
  assert.match(two.stderr, /name one with --env \(not dev,prod\)/);
  const alone = runTkc(["build", project, "--show-only", "Deployment/api"]);
  assert.equal(alone.status, 2);
  assert.match(alone.stderr, /--show-only selects objects of the stream that --out - prints/);
  const malformed = runTkc(["build", project, "--env", "prod", "--out", "-", "--show-only", "api"]);
  assert.equal(malformed.status, 2);
  assert.match(malformed.stderr, /--show-only api: name an object as KIND\/NAME/);
  assert.deepEqual(listing(project).filter((f) => !f.startsWith(".tkc-cache")), listing(copyExample("shop")).filter((f) => !f.startsWith(".tkc-cache")));
});

test("--out - with a user error: diagnostics on stderr, nothing on stdout, exit 1", () => {
  const result = runTkc(["build", "test/errors/latest-image", "--out", "-"]);
  assert.equal(result.status, 1);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /error TKC\d{4}/);
});

// What reads the stream may stop early (`| head`, a `kubectl apply -f -` that failed): the pipe
// closes under tkc, which printed Node's stack for EPIPE. A full disk behind `> all.yaml` did too.
test("build --out - stops quietly with 141 when its reader closes the pipe, and says so on a full disk", () => {
  const project = bigProject(150); // a stream of ~200 KiB, well past the pipe's 64 KiB buffer
  const bin = join(repoRoot, "bin", "tkc.cjs");
  const env = { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir() };
  // head reads 10 bytes and exits: the rest of the stream meets a closed pipe.
  const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" build "${project}" --out - | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: "utf8", env });
  assert.equal(piped.status, 141, piped.stderr);
  assert.equal(piped.stderr, "");

  if (existsSync("/dev/full")) {
    const full = spawnSync("sh", ["-c", `exec "${process.execPath}" "${join(repoRoot, "bin", "tkc.cjs")}" build "${project}" --out - > /dev/full`], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir() } });
    assert.equal(full.status, 1);
    assert.equal(full.stderr, "error: cannot write the standard output: no space is left on the device\n");
  }
});
