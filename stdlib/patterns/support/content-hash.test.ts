import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { configContentHash, sha256Hex } from "./content-hash.js";

test("sha256Hex matches node:crypto, including non-ASCII text", () => {
  for (const text of ["", "abc", "ä€😀 config\n".repeat(40), "x".repeat(55), "x".repeat(56), "x".repeat(64)]) {
    assert.equal(sha256Hex(text), createHash("sha256").update(text, "utf8").digest("hex"));
  }
  assert.equal(configContentHash("ConfigMap", { a: "1", b: "2" }), configContentHash("ConfigMap", { b: "2", a: "1" }), "key order does not matter");
  assert.notEqual(configContentHash("ConfigMap", { a: "1" }), configContentHash("Secret", { a: "1" }));
});

