import { test } from "node:test";
import assert from "node:assert/strict";
import { basename, join, relative } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { bundlesOnly, readTree } from "../support/files.js";
import { assertGoldenTree } from "../support/golden.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { patternExamples } from "../support/pattern-examples.js";
import { defaultKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

// Every pattern example (stdlib/patterns/<family>/<pattern>/example/<pattern>.k8s.ts) builds to its
// golden bundle under example/expected/ beside it, and checks clean against every supported
// Kubernetes version. A missing golden fails; TKC_UPDATE_GOLDEN=1 rewrites the goldens.
const { dirs: exampleDirs, files: examples } = patternExamples();
const otherVersions = supportedKubeVersions.filter((v) => v !== defaultKubeVersion);

process.env.TKC_CACHE_DIR = tempDir("tkc-patterns-cache-");

test("every pattern folder with an example holds exactly one, named after the folder", () => {
  assert.ok(exampleDirs.length >= 40, `found the pattern examples (${exampleDirs.length})`);
  assert.equal(examples.length, exampleDirs.length, "one example per example/ folder");
  for (const file of examples) assert.equal(basename(file, ".k8s.ts"), basename(join(file, "..", "..")), relative(repoRoot, file));
});

for (const file of examples) {
  const name = basename(file, ".k8s.ts");
  const dir = join(file, "..");
  test(`pattern example ${name} builds to its golden bundle and is valid for Kubernetes 1.33-1.36`, async () => {
    const out = tempDir();
    const report = await build({ target: file, outDir: out, write: true });
    assert.deepEqual(report.diagnostics, [], "builds without diagnostics");
    assertGoldenTree(join(dir, "expected"), bundlesOnly(readTree(join(out, report.release!))));
    for (const kubeVersion of otherVersions) {
      const checked = await build({ target: file, write: false, kubeVersion });
      assert.deepEqual(checked.diagnostics, [], `valid for Kubernetes ${kubeVersion}`);
    }
  });
}
