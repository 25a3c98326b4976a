import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, runTkc } from "../support/cli.js";

// The commands' own surface, without a registry: help, usage errors and input mistakes.

test("push and pull --help show examples", () => {
  for (const command of ["push", "pull"]) {
    const help = runTkc([command, "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Examples:[\s\S]*oci:\/\/ghcr\.io\/acme\/shop-prod/, command);
  }
});

test("usage and input mistakes: exit 2 for missing arguments, TKC codes for a bad reference or password", () => {
  const missing = runTkc(["pull", "oci://r.io/a:1"]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /Missing required argument: out/);

  const reference = runTkc(["pull", "ghcr.io/acme/shop:1", "--out", "x"]);
  assert.equal(reference.status, 1);
  assert.match(reference.stderr, /^error TKC6101: 'ghcr\.io\/acme\/shop:1' is not an OCI reference: it must start with oci:\/\/\n  hint: write oci:\/\/HOST\/REPOSITORY:TAG/);

  const password = runTkc(["push", "examples/hello/expected/dev", "oci://127.0.0.1:9/a:1", "-u", "ci", "--password-stdin"]);
  assert.equal(password.status, 1);
  assert.match(password.stderr, /^error TKC6111: --password-stdin read an empty password/);
  for (const run of [reference, password]) assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test("push --env takes a comma-separated list like build, and refuses more than one environment", () => {
  const two = runTkc(["push", "examples/shop", "--env", "dev,prod", "oci://127.0.0.1:9/a:1"]);
  assert.equal(two.status, 1);
  assert.match(two.stderr, /push takes one environment, not 2 \(dev, prod\)/);
  assert.doesNotMatch(two.stderr, /\n\s+at /);
});

test("--env before the positional arguments does not swallow them (the documented push example)", () => {
  // Same order as docs: `tkc push examples/shop --env prod oci://...`; nothing listens on port 9.
  const out = mkdtempSync(join(tmpdir(), "tkc-push-order-"));
  try {
    const push = runTkc(["push", "examples/shop", "--env", "prod", "oci://127.0.0.1:9/a:1", "--out", out]);
    assert.equal(push.status, 1);
    assert.match(push.stderr, /built shop\/prod: revision 1[\s\S]*error TKC6102: cannot reach 127\.0\.0\.1:9/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const build = runTkc(["check", "--env", "dev", "examples/shop"]);
  assert.equal(build.status, 0, build.stderr);
});

test("a registry on a port Node's fetch blocks is named as such, not as a bare 'bad port'", () => {
  // 10080 is on the fetch standard's list of blocked ports: fetch refuses it before connecting.
  const pull = runTkc(["pull", "oci://127.0.0.1:10080/acme/hello:1.0.0", "--plain-http", "--out", mkdtempSync(join(tmpdir(), "tkc-blocked-port-"))]);
  assert.equal(pull.status, 1);
  assert.match(pull.stderr, /^error TKC6102: cannot reach 127\.0\.0\.1:10080 \(http:\/\/127\.0\.0\.1:10080\/v2\/\): Node's fetch refuses port 10080, one of the ports the fetch standard blocks\n  hint: serve the registry on another port \(5000 is the usual one\), or put a proxy on one before it/);
});

// A bundle directory in the repository is anyone's: a committed `objects/x.yaml ->
// ~/.docker/config.json` was read (statSync follows links) and, with a sha256 to match, pushed.
test("push refuses a bundle directory that holds a symbolic link, before any file is read through it", () => {
  const bundle = join(mkdtempSync(join(tmpdir(), "tkc-push-link-")), "dev");
  cpSync(join(repoRoot, "examples", "hello", "expected", "dev"), bundle, { recursive: true });
  const secret = join(mkdtempSync(join(tmpdir(), "tkc-push-secret-")), "config.json");
  writeFileSync(secret, '{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}}\n');
  const object = readdirSync(join(bundle, "objects"))[0]!;
  rmSync(join(bundle, "objects", object));
  symlinkSync(secret, join(bundle, "objects", object));
  const push = runTkc(["push", bundle, "oci://127.0.0.1:9/acme/hello:1.0.0", "--plain-http"]);
  assert.equal(push.status, 1);
  assert.match(push.stderr, new RegExp(`error TKC\\d+: .*dev holds symbolic links \\(objects/${object}\\); tkc never reads or pushes a file through a link`));
  assert.doesNotMatch(push.stderr, /c2VjcmV0|auths|cannot reach/);
});

// A Windows checkout of a committed out/ (core.autocrlf) read as "not an intact tkc bundle" with the
// advice to rebuild it, which writes the same bytes git converts again.
test("push of a bundle checked out with CRLF line ends says so, with the .gitattributes line", () => {
  const bundle = join(mkdtempSync(join(tmpdir(), "tkc-push-crlf-")), "dev");
  cpSync(join(repoRoot, "examples", "hello", "expected", "dev"), bundle, { recursive: true });
  for (const file of ["bundle.json", "kustomization.yaml", ...readdirSync(join(bundle, "objects")).map((f) => join("objects", f))]) {
    writeFileSync(join(bundle, file), readFileSync(join(bundle, file), "utf8").replace(/\n/g, "\r\n"));
  }
  const push = runTkc(["push", bundle, "oci://127.0.0.1:9/acme/hello:1.0.0", "--plain-http"]);
  assert.equal(push.status, 1);
  assert.match(push.stderr, /error TKC6109: .*dev has CRLF line ends where tkc wrote LF/);
  assert.match(push.stderr, /hint: git converted the line ends on checkout \(core\.autocrlf[^\n]*-text`/);
  assert.doesNotMatch(push.stderr, /cannot reach|intact/, "refused before any request");

  // an edit besides the line ends is an edit
  const object = join(bundle, "objects", readdirSync(join(bundle, "objects"))[0]!);
  writeFileSync(object, readFileSync(object, "utf8").replace("hello", "he1lo"));
  const edited = runTkc(["push", bundle, "oci://127.0.0.1:9/acme/hello:1.0.0", "--plain-http"]);
  assert.equal(edited.status, 1);
  assert.match(edited.stderr, /is not an intact tkc bundle/);
  assert.doesNotMatch(edited.stderr, /CRLF/);
});
