import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { bundlesOnly, readTree } from "../support/files.js";
import { assertGoldenTree } from "../support/golden.js";
import { repoRoot, tempDir } from "../support/cli.js";

// Golden bundles: every example builds to exactly the bytes under examples/<name>/expected/.
// A missing golden fails; TKC_UPDATE_GOLDEN=1 rewrites them; review the diff like code.
const examplesDir = join(repoRoot, "examples");
const examples = readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, "release.k8s.ts")));

process.env.TKC_CACHE_DIR = tempDir("tkc-golden-cache-");

for (const name of examples) {
  test(`example ${name} builds to its golden bundle`, async () => {
    const out = tempDir();
    const report = await build({ target: join(examplesDir, name), outDir: out, write: true });
    assert.deepEqual(report.diagnostics, [], "the example builds without diagnostics");
    assert.ok(report.ok);
    assertGoldenTree(join(examplesDir, name, "expected"), bundlesOnly(readTree(join(out, report.release!))));
  });
}
