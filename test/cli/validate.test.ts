import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTkc } from "../support/cli.js";

const fixture = (name: string) => `test/cli/fixtures/${name}`;

test("tkc validate accepts valid plain YAML", () => {
  const result = runTkc(["validate", fixture("valid.yaml")]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "2 objects valid for Kubernetes 1.36\n");
});

test("tkc validate points each problem at its YAML line, with the JSON path and a hint", () => {
  const result = runTkc(["validate", fixture("invalid.yaml")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /test\/cli\/fixtures\/invalid\.yaml:6:3 error TKC3002: unknown field "replica"[^\n]*\n[\s\S]*?hint: [^\n]*replicas/);
  // an unpinned image is policy: a warning in tkc validate (other people's YAML)
  assert.match(result.stderr, /invalid\.yaml:15:\d+ warning TKC3205: [^\n]*"nginx"/);
  assert.match(result.stderr, /invalid\.yaml:17:1 error TKC3001: policy\/v1beta1 PodDisruptionBudget was removed in Kubernetes 1\.25[\s\S]*?hint: use apiVersion policy\/v1/);
});

test("tkc validate refuses malformed YAML with its position", () => {
  const result = runTkc(["validate", fixture("malformed.yaml")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /malformed\.yaml:\d+:\d+ error TKC1101: /);
  assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
});

test("tkc validate refuses an alias bomb without expanding it", () => {
  const result = runTkc(["validate", fixture("alias-bomb.yaml")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /alias-bomb\.yaml:\d+:\d+ error TKC1103: /);
  assert.equal(result.stdout, "", "nothing is reported valid");
  assert.ok(result.stderr.length < 2000, `one short diagnostic, not the expansion (${result.stderr.length} bytes)`);
});

test("tkc validate refuses documents that are not Kubernetes objects", () => {
  const result = runTkc(["validate", fixture("not-kubernetes.yaml")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /not-kubernetes\.yaml:1:1 error TKC1105: [^\n]*kind/);
});

test("tkc validate checks against the requested Kubernetes version", () => {
  const result = runTkc(["validate", fixture("valid.yaml"), "--kube-version", "1.33"]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "2 objects valid for Kubernetes 1.33\n");
  const bad = runTkc(["validate", fixture("valid.yaml"), "--kube-version", "1.20"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Kubernetes 1\.20 is not supported; use one of 1\.33, 1\.34, 1\.35, 1\.36/);
});

test("tkc validate checks custom resources against a CRD given alongside them", () => {
  const result = runTkc(["validate", "test/crd/fixtures/widgets-crd.yaml", fixture("widget-bad.yaml")]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /widget-bad\.yaml:7:\d+ error TKC\d{4}: [^\n]*size[^\n]*10/);
  assert.match(result.stderr, /widget-bad\.yaml:8:3 error TKC3002: unknown field "colour"[\s\S]*?hint: did you mean "color"\?/);
});

// A CRD the API server refuses is not used: its custom resources would only look unknown, so
// the CRD's own mistake is reported, in a --crds folder as among the inputs.
test("a CRD whose names the API server refuses is TKC3840, among the inputs and in --crds", () => {
  const dir = mkdtempSync(join(tmpdir(), "tkc-crd-names-"));
  mkdirSync(join(dir, "crds"));
  const crd = readFileSync("test/crd/fixtures/widgets-crd.yaml", "utf8").replace("group: example.com", "group: example");
  writeFileSync(join(dir, "crds", "widgets.yaml"), crd);
  for (const args of [[join(dir, "crds", "widgets.yaml"), fixture("widget-bad.yaml")], [fixture("widget-bad.yaml"), "--crds", join(dir, "crds")]]) {
    const result = runTkc(["validate", ...args]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /widgets\.yaml:\d+:3 error TKC3840: spec\.group "example" is not valid: it must be a domain with at least one dot/);
  }
});
