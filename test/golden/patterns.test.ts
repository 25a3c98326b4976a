import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { bundlesOnly, readTree, updateGoldens } from "../support/files.js";
import { repoRoot, tempDir } from "../support/cli.js";

// Every pattern example (examples/patterns/<name>.k8s.ts) builds to its golden bundle under
// examples/patterns/expected/<name>/, and checks clean against every supported Kubernetes
// version. TKC_UPDATE_GOLDEN=1 rewrites the goldens.
const dir = join(repoRoot, "examples", "patterns");
const examples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".k8s.ts")).sort() : [];
const otherVersions = ["1.33", "1.34", "1.35"];

process.env.TKC_CACHE_DIR = tempDir("tkc-patterns-cache-");

for (const file of examples) {
  const name = basename(file, ".k8s.ts");
  test(`pattern example ${name} builds to its golden bundle and is valid for Kubernetes 1.33-1.36`, async () => {
    const out = tempDir();
    const report = await build({ target: join(dir, file), outDir: out, write: true });
    assert.deepEqual(report.diagnostics, [], "builds without diagnostics");
    const expectedDir = join(dir, "expected", name);
    if (updateGoldens) {
      rmSync(expectedDir, { recursive: true, force: true });
      mkdirSync(expectedDir, { recursive: true });
      cpSync(join(out, report.release!), expectedDir, { recursive: true, filter: (src) => !src.includes("/history") });
    }
    const actual = bundlesOnly(readTree(join(out, report.release!)));
    const expected = bundlesOnly(readTree(expectedDir));
    assert.deepEqual([...actual.keys()], [...expected.keys()], "same files");
    for (const [path, content] of actual) assert.equal(content, expected.get(path), `${name}/${path}`);
    for (const kubeVersion of otherVersions) {
      const checked = await build({ target: join(dir, file), write: false, kubeVersion });
      assert.deepEqual(checked.diagnostics, [], `valid for Kubernetes ${kubeVersion}`);
    }
  });
}
