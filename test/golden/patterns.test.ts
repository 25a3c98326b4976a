import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "../../compiler/pipeline.js";
import { loadProject } from "../../compiler/load/project.js";
import { loadSources } from "../../compiler/load/load.js";
import { checkTypes } from "../../compiler/typecheck/stage.js";
import { diagnosticsOf } from "../../compiler/model/stage.js";
import { validateManifests } from "../../compiler/cli/commands/validate.js";
import { bundlesOnly, readTree } from "../support/files.js";
import { assertGoldenTree } from "../support/golden.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { defaultKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

// Every pattern example (examples/patterns/<name>.k8s.ts) builds to its golden bundle under
// examples/patterns/expected/<name>/, and is valid for every supported Kubernetes version. A
// missing golden fails; TKC_UPDATE_GOLDEN=1 rewrites the goldens.
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
    // The other versions as a user checks them: the descriptors type-checked against each
    // version's types, and the bundles validated with `tkc validate --kube-version 1.33,...`.
    // (Evaluation does not depend on the Kubernetes version, so the bundles are the same.)
    const read = new Map<string, string>();
    const project = loadProject({ target: join(dir, file) }, { read });
    assert.ok(project.ok);
    const loaded = loadSources(project.value, { read });
    assert.ok(loaded.ok);
    const sources = loaded.value.sources.filter((s) => s.path.endsWith(".ts"));
    for (const kubeVersion of otherVersions) {
      const typed = await checkTypes({ projectDir: project.value.dir, sources, kubeVersion }, { read });
      assert.deepEqual(diagnosticsOf(typed), [], `type-checks against the Kubernetes ${kubeVersion} types`);
    }
    const validated = validateManifests(report.environments.map((e) => e.outDir), { kubeVersions: otherVersions });
    assert.deepEqual(validated.diagnostics, [], `valid for Kubernetes ${otherVersions.join(", ")}`);
    assert.equal(validated.objects, report.environments.reduce((n, e) => n + e.objects, 0), "every object of the bundles validated");
  });
}
