import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "./cli.js";
import { readTree } from "./files.js";

/**
 * Golden files and folders, one rule for every test (CUE's CUE_UPDATE): the test compares, and a
 * missing golden FAILS. Only TKC_UPDATE_GOLDEN=1 (re)writes goldens; review their diff like code.
 */
export const updateGoldens = process.env.TKC_UPDATE_GOLDEN === "1";

const REWRITE = "TKC_UPDATE_GOLDEN=1 writes it; review the diff like code";

const shown = (path: string) => relative(repoRoot, path) || path;

/** `actual` must be exactly the golden file's bytes. */
export function assertGoldenFile(file: string, actual: string): void {
  if (updateGoldens) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  } else if (!existsSync(file)) {
    assert.fail(`golden file ${shown(file)} is missing (${REWRITE})`);
  }
  assert.equal(actual, readFileSync(file, "utf8"), `${shown(file)} differs from the output (${REWRITE})`);
}

/** `actual` (relative path -> content) must be exactly the golden folder: same files, same bytes. */
export function assertGoldenTree(dir: string, actual: ReadonlyMap<string, string>): void {
  if (updateGoldens) {
    rmSync(dir, { recursive: true, force: true });
    for (const [path, content] of actual) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  } else if (!existsSync(dir)) {
    assert.fail(`golden folder ${shown(dir)} is missing (${REWRITE})`);
  }
  const expected = readTree(dir);
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${shown(dir)} holds the same files as the output (${REWRITE})`);
  for (const [path, content] of actual) assert.equal(content, expected.get(path), `${shown(join(dir, path))} differs from the output (${REWRITE})`);
}
