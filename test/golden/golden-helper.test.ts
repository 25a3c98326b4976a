import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../support/cli.js";
import { assertGoldenFile, assertGoldenTree, updateGoldens } from "../support/golden.js";

const skip = updateGoldens ? "TKC_UPDATE_GOLDEN=1 writes goldens instead" : false;

test("a missing golden file fails and is not written", { skip }, () => {
  const file = join(tempDir(), "expected.txt");
  assert.throws(() => assertGoldenFile(file, "output\n"), /golden file .*expected\.txt is missing \(TKC_UPDATE_GOLDEN=1 writes it/);
  assert.ok(!existsSync(file));
});

test("a missing golden folder fails and is not written", { skip }, () => {
  const dir = join(tempDir(), "expected");
  assert.throws(() => assertGoldenTree(dir, new Map([["a.yaml", "a: 1\n"]])), /golden folder .*expected is missing/);
  assert.ok(!existsSync(dir));
});

test("a golden folder with a file more or less, or other bytes, fails", { skip }, () => {
  const dir = tempDir();
  writeFileSync(join(dir, "a.yaml"), "a: 1\n");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "b.yaml"), "b: 1\n");
  assertGoldenTree(dir, new Map([["a.yaml", "a: 1\n"], [join("sub", "b.yaml"), "b: 1\n"]]));
  assert.throws(() => assertGoldenTree(dir, new Map([["a.yaml", "a: 1\n"]])), /holds the same files/);
  assert.throws(() => assertGoldenTree(dir, new Map([["a.yaml", "a: 2\n"], [join("sub", "b.yaml"), "b: 1\n"]])), /a\.yaml differs/);
  assertGoldenFile(join(dir, "a.yaml"), "a: 1\n");
  assert.throws(() => assertGoldenFile(join(dir, "a.yaml"), "a: 1"), /differs from the output/);
});
