import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
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

// V8 also rejects a cache made under other V8 flags: `build` sets one and `validate` does not, so
// with one shared cache each change of command rejected it (~0.2 CPU-s for tkc.cjs) and rewrote it.
test("a run with V8 flags set keeps its own code cache, which a run without them leaves alone", () => {
  const dir = tempDir();
  const file = join(dir, "module.cjs");
  writeFileSync(file, `exports.value = function () { return [1, 2, 3].map((n) => n * 2).join(","); };\n`);
  const codeCache = join(repoRoot, "compiler/code-cache.cjs");
  const run = (flags: string) => {
    const script = `const c = require(${JSON.stringify(codeCache)}); ${flags ? `c.setV8Flags(${JSON.stringify(flags)});` : ""} if (c.loadWithCodeCache(${JSON.stringify(file)}).value() !== "2,4,6") process.exit(3); c.flushCodeCaches();`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  };
  const flagged = `${file}.semi-space-growth-factor-1.v8cache`;
  run("--semi-space-growth-factor=1");
  const made = readFileSync(flagged);
  const madeAt = statSync(flagged).mtimeMs;
  run("");
  assert.ok(existsSync(`${file}.v8cache`), "the run without flags wrote a cache of its own");
  run("--semi-space-growth-factor=1");
  assert.deepEqual(readFileSync(flagged), made, "the flagged cache was accepted, not rewritten");
  assert.equal(statSync(flagged).mtimeMs, madeAt);
});

// A cache holds what the run that wrote it compiled. One written by `tkc --help`, or by a build
// that stopped at its first mistake, lacked the validators, and was kept for good: every later
// build compiled them again (validate at N=10: 12 ms with a full cache, 39 ms with such a one).
test("a code cache a lesser run wrote is written again by the next complete run, and then kept", () => {
  const dir = tempDir();
  const file = join(dir, "module.cjs");
  writeFileSync(file, `exports.small = () => 1;\nexports.large = () => [1, 2, 3].map((n) => n * 2).join(",");\n`);
  const codeCache = join(repoRoot, "compiler/code-cache.cjs");
  const run = (call: "small" | "large", complete: boolean) => {
    const script = `const c = require(${JSON.stringify(codeCache)}); c.loadWithCodeCache(${JSON.stringify(file)}).${call}(); c.flushCodeCaches(${complete});`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
  };
  const cache = `${file}.v8cache`;
  const marker = () => readFileSync(cache, "latin1").split("\n", 1)[0]!.split(" ").at(-1);
  run("small", false);
  assert.equal(marker(), "partial", "a lesser run writes a cache where there was none");
  const partialAt = statSync(cache).mtimeMs;
  run("small", false);
  assert.equal(statSync(cache).mtimeMs, partialAt, "another lesser run leaves it");
  run("large", true);
  assert.equal(marker(), "complete", "the first complete run writes it again");
  const completeAt = statSync(cache).mtimeMs;
  run("large", true);
  run("small", false);
  assert.equal(statSync(cache).mtimeMs, completeAt, "a complete cache is kept");
});

// The evaluation process reads the realm's cache through the same header (readCodeCache): it
// had none, and a rebuilt stdlib-realm.js of the same length ran the old stdlib's compiled code
// (reproduced by hand: an edited message kept its old text until the cache was deleted).
test("a cache read by its header is refused for a rebuilt file of the same length", () => {
  const { cacheIdentity, readCodeCache, writeCodeCache } = createRequire(import.meta.url)(join(repoRoot, "compiler/code-cache.cjs")) as {
    cacheIdentity(file: string): string;
    readCodeCache(cacheFile: string, identity: string): { cachedData?: Buffer; partial: boolean };
    writeCodeCache(cacheFile: string, identity: string, complete: boolean, data: Buffer): void;
  };
  const dir = tempDir();
  const file = join(dir, "realm.js");
  const cache = `${file}.v8cache`;
  writeFileSync(file, "globalThis.word = 'first';\n");
  writeCodeCache(cache, cacheIdentity(file), true, Buffer.from("compiled"));
  assert.deepEqual(readCodeCache(cache, cacheIdentity(file)), { cachedData: Buffer.from("compiled"), partial: false });
  writeFileSync(file, "globalThis.word = 'other';\n");
  utimesSync(file, new Date("2030-01-01T00:00:00Z"), new Date("2030-01-01T00:00:00Z"));
  assert.equal(readCodeCache(cache, cacheIdentity(file)).cachedData, undefined);
});
