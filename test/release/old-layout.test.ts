// Bundles and revisions recorded before objects/ (object files beside bundle.json) still verify,
// diff and roll back; what tkc writes from then on is in today's layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Rewrite a bundle (or revision) folder as tkc wrote it before objects/: files at the top. */
function toOldLayout(dir: string): void {
  for (const name of readdirSync(join(dir, "objects"))) renameSync(join(dir, "objects", name), join(dir, name));
  rmdirSync(join(dir, "objects"));
  const rewrite = (file: string, from: string, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replaceAll(from, to));
  rewrite("bundle.json", '"file": "objects/', '"file": "');
  rewrite("kustomization.yaml", "- objects/", "- ");
  if (existsSync(join(dir, "revision.json"))) {
    const record = JSON.parse(readFileSync(join(dir, "revision.json"), "utf8"));
    const files: Record<string, string> = {};
    for (const [name, digest] of Object.entries(record.files as Record<string, string>)) {
      const flat = name.replace(/^objects\//, "");
      files[flat] = flat === "bundle.json" || flat === "kustomization.yaml" ? sha256(readFileSync(join(dir, flat), "utf8")) : digest;
    }
    record.files = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(join(dir, "revision.json"), JSON.stringify(record, null, 2) + "\n");
  }
}

test("a history in the old layout verifies, diffs, stays as it is when unchanged, and rolls back into the new layout", () => {
  const project = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const out = tempDir();
  assert.equal(runTkc(["build", project, "--out", out]).status, 0);
  const current = join(out, "hello", "dev");
  const revision1 = join(out, "hello", "history", "dev", "000001");
  toOldLayout(current);
  toOldLayout(revision1);
  assert.ok(existsSync(join(current, "001-namespace-hello.yaml")));

  const verified = runTkc(["history", "hello", "--out", out, "--verify"]);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stderr, /every file matches/);
  const validated = runTkc(["validate", current]);
  assert.equal(validated.status, 0, validated.stderr);
  assert.match(validated.stdout, /^3 objects valid/);

  // Unchanged sources: no new revision, and the old-layout bundle is left as it is.
  const again = runTkc(["build", project, "--out", out]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /hello\/dev: unchanged, revision 1/);
  assert.ok(existsSync(join(current, "001-namespace-hello.yaml")));

  // A change: revision 2 in the new layout; diff reads both.
  const source = join(project, "release.k8s.ts");
  writeFileSync(source, readFileSync(source, "utf8").replace("1.27.3", "1.27.4"));
  const changed = runTkc(["build", project, "--out", out]);
  assert.equal(changed.status, 0, changed.stderr);
  assert.match(changed.stdout, /revision 2/);
  assert.deepEqual(readdirSync(current).sort(), ["bundle.json", "kustomization.yaml", "objects"]);
  const diff = runTkc(["diff", revision1, current]);
  assert.equal(diff.status, 0, diff.stderr);
  assert.match(diff.stdout, /1\.27\.3[\s\S]*1\.27\.4/);
  assert.match(diff.stdout, /Summary: 1 changed, 0 added, 0 removed, 2 unchanged/);

  // Rollback to the old-layout revision: the same objects and digest, recorded in the new layout.
  const rolled = runTkc(["rollback", "hello", "--env", "dev", "--to", "1", "--out", out]);
  assert.equal(rolled.status, 0, rolled.stderr);
  assert.deepEqual(readdirSync(current).sort(), ["bundle.json", "kustomization.yaml", "objects"]);
  const digest = (dir: string) => JSON.parse(readFileSync(join(dir, "bundle.json"), "utf8")).digest;
  assert.equal(digest(current), digest(revision1));
  assert.equal(readFileSync(join(current, "objects", "003-deployment-hello.yaml"), "utf8"), readFileSync(join(revision1, "003-deployment-hello.yaml"), "utf8"));
  const final = runTkc(["history", "hello", "--out", out, "--verify"]);
  assert.equal(final.status, 0, final.stderr);
  assert.match(final.stderr, /verified 3 revisions/);
});
