import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";

const { loadWithCodeCache, flushCodeCaches } = createRequire(import.meta.url)(join(repoRoot, "compiler/code-cache.cjs")) as {
  loadWithCodeCache(file: string): { value: () => string };
  flushCodeCaches(): void;
};

// V8 accepts a code cache for any source of the same length; a rebuilt bundle of the same length
// once ran stale compiled functions (SyntaxError inside yargs' handler call).
test("a code cache made for another file of the same length is not used", () => {
  const file = join(tempDir(), "module.cjs");
  const body = (word: string) => `exports.value = function () { return ${JSON.stringify(word)}.split("").reverse().join(""); };\n`;
  writeFileSync(file, body("first"));
  assert.equal(loadWithCodeCache(file).value(), "tsrif");
  flushCodeCaches();
  writeFileSync(file, body("other"));
  utimesSync(file, new Date("2030-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"));
  assert.equal(loadWithCodeCache(file).value(), "rehto");
});
