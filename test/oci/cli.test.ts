import { test } from "node:test";
import assert from "node:assert/strict";
import { runTkc } from "../support/cli.js";

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
