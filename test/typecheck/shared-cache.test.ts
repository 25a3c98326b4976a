import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, spawnTkc, tempDir } from "../support/cli.js";

// CI jobs often share one cache folder (TKC_CACHE_DIR, restored from the CI's cache) across the
// projects of a repository, and build them at once. Each build's type check must check its own
// files: with one tsconfig per cache folder, one build's tsc read the other's config, and a
// correct project failed with the other project's files (or was refused for reading them).
function project(root: string, name: string, replicas: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(join(repoRoot, "examples", "hello", "release.k8s.ts"), join(dir, "release.k8s.ts"));
  const file = join(dir, "release.k8s.ts");
  writeFileSync(file, readFileSync(file, "utf8").replace(`  name: "hello",\n  image:`, `  name: "hello",\n  replicas: ${replicas},\n  image:`));
  return dir;
}

test("builds of two projects at once, with one cache folder, each type-check their own files", async () => {
  const root = tempDir("tkc-shared-cache-");
  const good = project(root, "good", "2");
  const bad = project(root, "bad", `"two"`);
  // Three rounds, each with a cache folder of its own: the race showed in 11 of 12 rounds.
  for (let round = 1; round <= 3; round++) {
    const cache = join(root, `cache-${round}`);
    const env = { TKC_CACHE_DIR: cache };
    const [built, refused] = await Promise.all([
      spawnTkc(["build", good, "--out", join(good, `out-${round}`)], { env }),
      spawnTkc(["build", bad, "--out", join(bad, `out-${round}`)], { env }),
    ]);
    assert.equal(built.status, 0, `round ${round}, good project:\n${built.stderr}`);
    assert.equal(refused.status, 1, `round ${round}, bad project:\n${refused.stderr}`);
    assert.match(refused.stderr, /bad\/release\.k8s\.ts:6:3 error TS2322: Type 'string' is not assignable to type 'PerEnvironment<number> \| undefined'/);
    assert.doesNotMatch(refused.stderr + built.stderr, /outside the project|good\/release\.k8s\.ts:\d/);
    // Nothing of either run's checker config is left in the shared folder.
    assert.deepEqual(readdirSync(cache).filter((name) => !/^(typecheck|build)-[0-9a-f]{64}\.json$/.test(name)), []);
  }
});
