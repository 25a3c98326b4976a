import { test } from "node:test";
import assert from "node:assert/strict";
import { errorLines, hostileProject, runHostile } from "./hostile.js";

// Red team, bad data out of descriptors: each is a TKC diagnostic at the call that produced the
// object. Hooks (toJSON, Symbol.toPrimitive) are never called; they are functions in data.
test("cycles, __proto__ keys, oversized objects and hooks in returned data are refused at the user's line", async () => {
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
    "release.k8s.ts:8:113 error TKC2120: a reference cycle at data.self.self cannot be written to YAML",
    "release.k8s.ts:8:186 error TKC3003: data.self: expected string, got object",
    "release.k8s.ts:9:1 error TKC2122: a __proto__ key at data.__proto__ is not allowed in descriptor data",
    "release.k8s.ts:10:1 error TKC2123: v1 ConfigMap large is larger than the API server accepts (over 2.0 MiB serialised; the limit is 1.5 MiB)",
    "release.k8s.ts:11:1 error TKC2120: a function at data.toJSON cannot be written to YAML",
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
  assert.equal(lines.length, 3, result.stderr);
  assert.match(lines[0]!, /^release\.k8s\.ts:4:\d+ error TKC2120: a string with an unpaired surrogate at data\.value cannot be written to YAML$/);
  assert.match(lines[1]!, /^release\.k8s\.ts:5:1 error TKC2120: a key with an unpaired surrogate at data\["\\ud83d"\] cannot be written to YAML$/);
  // ...and such a key is not a valid ConfigMap key either, which validation says on its own
  assert.match(lines[2]!, /error TKC3601: ConfigMap key "\\ud83d" is not valid/);
  assert.match(result.stderr, /hint: a string must be valid Unicode/);
  assert.equal(result.status, 1);
});
