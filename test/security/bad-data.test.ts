import { test } from "node:test";
import assert from "node:assert/strict";
import { errorLines, hostileProject, runHostile } from "./hostile.js";

// Red team, bad data out of descriptors: each is a TKC diagnostic at the call that produced the
// object. Hooks (toJSON, Symbol.toPrimitive) are never called; they are functions in data.
test("cycles, __proto__ keys, oversized objects and hooks in returned data are refused at the user's line (the property that holds them)", async () => {
  const setup = [
    `const cyclic: any = { a: "1" }; cyclic.self = cyclic;`,
    `const proto = JSON.parse('{"__proto__": "x", "a": "1"}');`,
    `const blob = "x".repeat(2 * 1024 * 1024);`,
    `const hooked: any = { a: "1", toJSON: () => ({ b: "tampered" }) };`,
    `const primitive: any = { a: { [Symbol.toPrimitive]: () => "x" } };`,
  ].join("\n");
  const components = [
    `raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cyclic" }, data: cyclic } as any)`,
    `raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "proto" }, data: proto })`,
    `configMap({ name: "large", data: { blob } })`,
    `configMap({ name: "hooked", data: hooked })`,
    `configMap({ name: "primitive", data: primitive })`,
  ].join(",\n");
  const dir = hostileProject(setup, components);
  const result = await runHostile(["check", dir]);
  assert.deepEqual(errorLines(result, dir), [
    "release.k8s.ts:8:186 error TKC2120: a reference cycle at data.self.self cannot be written to YAML",
    "release.k8s.ts:8:186 error TKC3003: data.self: expected string, got object",
    "release.k8s.ts:9:73 error TKC2122: a __proto__ key at data.__proto__ is not allowed in descriptor data",
    "release.k8s.ts:10:1 error TKC2123: v1 ConfigMap large is larger than the API server accepts (over 2.0 MiB serialised; the limit is 1.5 MiB)",
    "release.k8s.ts:11:29 error TKC2120: a function at data.toJSON cannot be written to YAML",
    // Symbol-keyed properties are not data: the hook is dropped unread, and the object is empty.
    "release.k8s.ts:12:32 error TKC3003: data.a: expected string, got object",
  ], result.stderr);
  assert.equal(result.status, 1);
});

// JavaScript holds half of a surrogate pair ("😀".slice(0, 1)); UTF-8 has no form for it, and tkc
// wrote it as a "\ud83d" escape that kubectl refuses ("found invalid Unicode character escape code").
test("a string or key with an unpaired surrogate is refused at its call, and a whole emoji is kept", async () => {
  const setup = `const cut = "\u{1F600}".slice(0, 1);`;
  const components = [
    `configMap({ name: "cut", data: { value: cut, fine: "\u{1F600}" } })`,
    `configMap({ name: "key", data: { [cut]: "x" } })`,
  ].join(",\n");
  const dir = hostileProject(setup, components);
  const result = await runHostile(["check", dir]);
  const lines = errorLines(result, dir);
  assert.equal(lines.length, 2, result.stderr);
  assert.match(lines[0]!, /^release\.k8s\.ts:4:\d+ error TKC2120: a string with an unpaired surrogate at data\.value cannot be written to YAML$/);
  assert.match(lines[1]!, /^release\.k8s\.ts:5:26 error TKC2120: a key with an unpaired surrogate at data\["\\ud83d"\] cannot be written to YAML$/);
  // one mistake, one error: validation's "not a valid ConfigMap key" of the same key is not repeated
  assert.doesNotMatch(result.stderr, /TKC3601/);
  assert.match(result.stderr, /hint: a string must be valid Unicode/);
  assert.equal(result.status, 1);
});

// `replicas: NaN` was two errors at two places: TKC2120 at the configMap( call and, as the value
// is emitted as null, "replicas is null; it must be an integer >= 0" at the property.
test("a value YAML cannot hold is one error, at the property that set it, with no follow-on about the null it became", async () => {
  const components = [
    `raw({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: NaN, selector: { matchLabels: { a: "b" } }, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "nginx:1.27.3" }] } } } })`,
    `configMap({ name: "big", data: { count: 10n as any, fine: "1" } })`,
  ].join(",\n");
  const dir = hostileProject("", components);
  const result = await runHostile(["check", dir]);
  assert.deepEqual(errorLines(result, dir), [
    "release.k8s.ts:4:195 error TKC2120: NaN at spec.replicas cannot be written to YAML",
    "release.k8s.ts:5:34 error TKC2120: a bigint at data.count cannot be written to YAML",
  ], result.stderr);
  assert.match(result.stderr, /= object: apps\/v1 Deployment rt\/d, at spec\.replicas/, "named as validation names it, with its namespace");
  assert.equal(result.status, 1);
});
