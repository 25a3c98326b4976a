import { test } from "node:test";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { corpusPresent, corpusRoot, runCorpus } from "./corpus.js";

// ../shared/realworld: manifests from public projects that a Kubernetes 1.36 API server accepts.
// Any error tkc reports on them, outside known-invalid.txt and removed-apis/, is a false rejection.
test("the real-world corpus validates with no false rejection for Kubernetes 1.36", { skip: corpusPresent() ? false : `skipped: ${corpusRoot} is absent (it sits beside the worktree, read-only)` }, () => {
  const started = performance.now();
  const result = runCorpus();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const listed = result.falseRejections.map((r) => `  ${r.file}: ${r.object}: ${r.code} ${r.message}`).join("\n");
  assert.ok(result.objects > 1000 && result.files > 300, `the corpus looks truncated: ${result.files} files, ${result.objects} objects`);
  assert.equal(result.falseRejections.length, 0, `${result.falseRejections.length} false rejections in ${result.files} files (${result.objects} objects):\n${listed}`);
  assert.deepEqual(result.missedInvalid, [], "objects a real API server rejects (known-invalid.txt) must stay rejected");
  assert.deepEqual(result.missedRemoved, [], "objects of removed APIs must be rejected with their replacement named");
  console.log(`# realworld corpus: ${result.files} files, ${result.objects} objects in ${result.units} sets, 0 false rejections, ${result.warnings} warnings, ${seconds} s`);
});
