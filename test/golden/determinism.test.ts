import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// Same sources -> same bytes, wherever the project sits and whatever the working directory.
test("building twice, from another directory and another cwd, gives byte-identical bundles", () => {
  const first = tempDir();
  const a = runTkc(["build", "examples/shop", "--out", first]);
  assert.equal(a.status, 0, a.stderr);

  const copy = join(tempDir(), "elsewhere", "shop");
  cpSync(join(repoRoot, "examples", "shop"), copy, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const second = tempDir();
  const b = runTkc(["build", ".", "--out", second], { cwd: copy, env: { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8" } });
  assert.equal(b.status, 0, b.stderr);

  // The bundles, not the history: revision records hold a time and the git commit.
  const bundles = (out: string) => new Map([...readTree(join(out, "shop"))].filter(([path]) => !path.startsWith("history/")));
  const treeA = bundles(first);
  const treeB = bundles(second);
  assert.deepEqual([...treeA.keys()], [...treeB.keys()]);
  for (const [file, content] of treeA) assert.equal(treeB.get(file), content, file);
  const digests = (stdout: string) => stdout.match(/sha256:[0-9a-f]{12}/g) ?? [];
  assert.equal(digests(a.stdout).length, 3, "one digest per environment");
  assert.deepEqual(digests(b.stdout), digests(a.stdout));
});

test("a second build with nothing changed reports every environment unchanged", () => {
  const out = tempDir();
  const cache = tempDir();
  const first = runTkc(["build", "examples/hello", "--out", out], { env: { TKC_CACHE_DIR: cache } });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /hello\/dev: revision 1 \(version 1\.0\.0\), \+3 ~0 -0 objects, sha256:[0-9a-f]{12}… -> /);
  const second = runTkc(["build", "examples/hello", "--out", out], { env: { TKC_CACHE_DIR: cache } });
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /hello\/dev: unchanged, revision 1 \(version 1\.0\.0\), 3 objects, sha256:[0-9a-f]{12}… in /);
  assert.equal(first.stdout.match(/sha256:\S+/)![0], second.stdout.match(/sha256:\S+/)![0]);
});
