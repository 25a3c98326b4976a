import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { displayPath } from "../../compiler/diagnostics/render.js";
import { assertNoLeak, releaseUsing, sandboxWithSecret, SECRET, writeFiles } from "./confine-support.js";

// A committed symbolic link must not carry a file from outside the project into a build: the
// load stage refuses it by its target, before tkc or tsc reads a byte of it.

test("a descriptor linked to /proc/self/environ is refused, and the environment appears nowhere", { skip: !existsSync("/proc/self/environ") && "no /proc on this system" }, () => {
  const project = writeFiles(tempDir(), { "release.k8s.ts": releaseUsing("", '"ok"'), "leak.ts": { link: "/proc/self/environ" } });
  const result = runTkc(["check", project], { env: { TKC_CONFINE_SECRET: SECRET } });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(
    result.stderr,
    `${displayPath(join(project, "leak.ts"), repoRoot)}:1:1 error TKC1020: leak.ts is a symbolic link to /proc/self/environ, outside the project: tkc does not read it\n` +
      "  hint: descriptors read only the project's own files: copy the file into the project instead of linking to it\n\n1 error, 0 warnings\n",
  );
  assertNoLeak(result, project, assert);
});

test("tkc.config.json and CRD schema files linked out of the project are refused unread", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, { "release.k8s.ts": releaseUsing("", '"ok"'), "tkc.config.json": { link: join(secret, "creds.txt") } });
  const config = runTkc(["check", project]);
  assert.equal(config.status, 1, config.stderr);
  assert.match(config.stderr, /error TKC1020: tkc\.config\.json is a symbolic link to \/[^,]+\/secret\/creds\.txt, outside the project/);
  assertNoLeak(config, project, assert);

  const { project: second, secret: secret2 } = sandboxWithSecret();
  writeFiles(second, { "release.k8s.ts": releaseUsing("", '"ok"'), "crds/example.com/widgets.v1.schema.json": { link: join(secret2, "creds.txt") } });
  const schema = runTkc(["check", second]);
  assert.equal(schema.status, 1, schema.stderr);
  assert.match(schema.stderr, /error TKC1020: crds\/example\.com\/widgets\.v1\.schema\.json is a symbolic link to /);
  assertNoLeak(schema, second, assert);

  const { project: third, secret: secret3 } = sandboxWithSecret();
  writeFiles(third, { "release.k8s.ts": releaseUsing("", '"ok"'), crds: { link: secret3 } });
  const folder = runTkc(["check", third]);
  assert.equal(folder.status, 1, folder.stderr);
  assert.match(folder.stderr, /error TKC1020: crds is a symbolic link to /);
});

test("an entry named in tkc.config.json outside the project is refused at the setting", () => {
  const { project } = sandboxWithSecret();
  writeFiles(project, { "tkc.config.json": '{ "entry": "../secret/env.ts" }' });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /tkc\.config\.json:1:3 error TKC1020: \.\.\/secret\/env\.ts lies outside the project \(\/[^)]+\/secret\/env\.ts\): tkc does not read it\n  1 \| \{ "entry"/);
  assert.match(result.stderr, /hint: descriptors read only the project's own files: move the file into the project, or name one inside it/);
  assertNoLeak(result, project, assert);
});

test("links that stay inside the project still work", () => {
  const project = writeFiles(tempDir(), {
    "shared/value.ts": 'export const value = "from-shared";\n',
    "alias.ts": { link: "shared/value.ts" },
    "data/value.txt": "text-value",
    "linked-data": { link: "data" },
    "release.k8s.ts": releaseUsing('import { value } from "./alias.ts";\nimport text from "./linked-data/value.txt";', "value + text"),
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /case\/dev: 3 objects valid/);
});
