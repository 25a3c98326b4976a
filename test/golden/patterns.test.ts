import { test } from "node:test";
import assert from "node:assert/strict";
import { basename, join, relative } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { readSource } from "../../compiler/load/sources.js";
import { checkTypes } from "../../compiler/typecheck/stage.js";
import { diagnosticsOf } from "../../compiler/model/stage.js";
import { validateManifests } from "../../compiler/cli/commands/validate.js";
import { bundlesOnly, readTree } from "../support/files.js";
import { assertGoldenTree } from "../support/golden.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { patternExamples } from "../support/pattern-examples.js";
import { defaultKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

// Every pattern example (stdlib/patterns/<family>/<pattern>/example/<pattern>.k8s.ts) builds to its
// golden bundle under example/expected/ beside it, and is valid for every supported Kubernetes
// version. A missing golden fails; TKC_UPDATE_GOLDEN=1 rewrites the goldens.
const { dirs: exampleDirs, files: examples } = patternExamples();
const otherVersions = supportedKubeVersions.filter((v) => v !== defaultKubeVersion);

process.env.TKC_CACHE_DIR = tempDir("tkc-patterns-cache-");

test("every pattern folder with an example holds exactly one, named after the folder", () => {
  assert.ok(exampleDirs.length >= 40, `found the pattern examples (${exampleDirs.length})`);
  assert.equal(examples.length, exampleDirs.length, "one example per example/ folder");
  for (const file of examples) assert.equal(basename(file, ".k8s.ts"), basename(join(file, "..", "..")), relative(repoRoot, file));
});

// The other versions as a user checks them: the descriptors type-checked against each version's
// types, and the bundles validated with `tkc validate --kube-version 1.33,...` (evaluation does not
// depend on the Kubernetes version, so the bundles are the same). One tsc run per version for
// all the examples.
test(`every pattern example type-checks against the Kubernetes ${otherVersions.join(", ")} types`, async () => {
  const sources = examples.map(readSource);
  for (const kubeVersion of otherVersions) {
    const typed = await checkTypes({ projectDir: join(repoRoot, "stdlib", "patterns"), sources, kubeVersion }, { read: new Map() });
    assert.deepEqual(diagnosticsOf(typed), [], `type-checks against the Kubernetes ${kubeVersion} types`);
  }
});

for (const file of examples) {
  const name = basename(file, ".k8s.ts");
  const dir = join(file, "..");
  test(`pattern example ${name} builds to its golden bundle and is valid for Kubernetes 1.33-1.36`, async () => {
    const out = tempDir();
    const report = await build({ target: file, outDir: out, write: true });
    assert.deepEqual(report.diagnostics, [], "builds without diagnostics");
    assertGoldenTree(join(dir, "expected"), bundlesOnly(readTree(join(out, report.release!))));
    const validated = validateManifests(report.environments.map((e) => e.outDir), { kubeVersions: otherVersions });
    assert.deepEqual(validated.diagnostics, [], `valid for Kubernetes ${otherVersions.join(", ")}`);
    assert.equal(validated.objects, report.environments.reduce((n, e) => n + e.objects, 0), "every object of the bundles validated");
  });
}
