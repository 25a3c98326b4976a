import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { bundlesOnly, readTree } from "../support/files.js";
import { assertGoldenTree } from "../support/golden.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { defaultKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

// Every pattern example (examples/patterns/<name>.k8s.ts) builds to its golden bundle under
// examples/patterns/expected/<name>/, and checks clean against every supported Kubernetes
// version. A missing golden fails; TKC_UPDATE_GOLDEN=1 rewrites the goldens.
const dir = join(repoRoot, "examples", "patterns");
const examples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".k8s.ts")).sort() : [];
const otherVersions = supportedKubeVersions.filter((v) => v !== defaultKubeVersion);

process.env.TKC_CACHE_DIR = tempDir("tkc-patterns-cache-");

for (const file of examples) {
  const name = basename(file, ".k8s.ts");
  test(`pattern example ${name} builds to its golden bundle and is valid for Kubernetes 1.33-1.36`, async () => {
    const out = tempDir();
    const report = await build({ target: join(dir, file), outDir: out, write: true });
    assert.deepEqual(report.diagnostics, [], "builds without diagnostics");
    assertGoldenTree(join(dir, "expected", name), bundlesOnly(readTree(join(out, report.release!))));
    for (const kubeVersion of otherVersions) {
      const checked = await build({ target: join(dir, file), write: false, kubeVersion });
      assert.deepEqual(checked.diagnostics, [], `valid for Kubernetes ${kubeVersion}`);
    }
  });
}
