import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";
import { assertNoLeak, releaseUsing, sandboxWithSecret, SECRET, writeFiles } from "./confine-support.js";

// Descriptors import only what their project owns: its files, tkc's modules, its declared npm
// packages. Each case plants a secret outside the project and asserts the exact refusal.

test("a relative import that climbs out of the project is refused at the import, unread", () => {
  const { project } = sandboxWithSecret();
  writeFiles(project, { "release.k8s.ts": releaseUsing('import creds from "../secret/creds.txt";', "creds") });
  const result = runTkc(["build", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /release\.k8s\.ts:2:19 error TKC2030: import "\.\.\/secret\/creds\.txt" is outside the project: descriptors read only the project's own files\n  2 \| import creds/);
  assert.match(result.stderr, /hint: copy the file into the project/);
  assertNoLeak(result, project, assert);
});

test("an absolute import is refused, for JSON and text alike", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, {
    "release.k8s.ts": releaseUsing(`import creds from "${secret}/creds.txt";\nimport data from "${secret}/creds.json";`, "creds + data.token"),
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr.match(/error TKC2030: import "\/[^"]+\/creds\.(txt|json)" is outside the project/g)?.length, 2, result.stderr);
  assertNoLeak(result, project, assert);
});

test("an import through a symbolic link in the project is judged by its real path (tsc's view of the target is dropped too)", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, {
    lib: { link: secret },
    ".hidden/env.ts": { link: join(secret, "env.ts") },
    "release.k8s.ts": releaseUsing('import creds from "./lib/creds.txt";\nimport { token } from "./.hidden/env.ts";', "creds + token"),
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /:2:19 error TKC2030: this import reaches \/[^,]+\/secret\/creds\.txt, outside the project[^\n]*\n  2 \| import creds from "\.\/lib\/creds\.txt";/);
  assert.match(result.stderr, /:3:23 error TKC2030: this import reaches \/[^,]+\/secret\/env\.ts, outside the project/);
  assert.match(result.stderr, /hint: a symbolic link, a package linked in from outside \(npm link, a workspace\) or a computed path leads there/);
  assert.doesNotMatch(result.stderr, /error TS/, "tsc's findings in the linked file are not shown");
  assertNoLeak(result, project, assert);
});

test("a computed require cannot reach files outside the project", () => {
  const { project } = sandboxWithSecret();
  writeFiles(project, {
    "release.k8s.ts": releaseUsing('declare const require: (id: string) => unknown;\nconst pick = (name: string) => require("../secret/" + name);', 'pick("creds.txt")'),
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /:3:40 error TKC2030: this import reaches \/[^,]+\/secret\/creds\.txt, outside the project/);
  assertNoLeak(result, project, assert);
});

test("npm packages: declared ones build (their own dependencies too), undeclared and linked-in ones are refused", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, {
    "package.json": JSON.stringify({ name: "p", private: true, dependencies: { naming: "1.0.0", linked: "1.0.0" } }),
    "node_modules/naming/package.json": JSON.stringify({ name: "naming", main: "index.js" }),
    "node_modules/naming/index.js": 'const suffix = require("suffix"); module.exports = { name: (n) => n + suffix.value };',
    "node_modules/suffix/package.json": JSON.stringify({ name: "suffix", main: "index.js" }),
    "node_modules/suffix/index.js": 'module.exports = { value: "-svc" };',
    "release.k8s.ts": releaseUsing("// @ts-ignore: no types for this test package\nimport naming from \"naming\";", 'naming.name("api")'),
  });
  const out = tempDir();
  const built = runTkc(["build", project, "--out", out]);
  assert.equal(built.status, 0, built.stderr);
  const manifest = JSON.parse(readFileSync(join(out, "case", "dev", "bundle.json"), "utf8")) as { sources: { path: string }[] };
  assert.deepEqual(manifest.sources.map((s) => s.path), ["node_modules/naming/index.js", "node_modules/suffix/index.js", "release.k8s.ts"], "bundle.json sources are project-relative");

  writeFiles(secret, { "pkg/package.json": JSON.stringify({ name: "linked", main: "index.js" }), "pkg/index.js": `module.exports = { value: "${SECRET}" };` });
  writeFiles(project, {
    "node_modules/linked": { link: join(secret, "pkg") },
    "release.k8s.ts": releaseUsing('// @ts-ignore\nimport suffix from "suffix";\n// @ts-ignore\nimport linked from "linked";', "suffix.value + linked.value"),
  });
  const refused = runTkc(["check", project]);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /:3:20 error TKC2031: import "suffix" uses the package "suffix", which the project's package\.json does not declare\n[\s\S]*?hint: add it to package\.json \(npm install --save-exact suffix\)/);
  assert.match(refused.stderr, /:5:20 error TKC2030: this import reaches \/[^,]+\/secret\/pkg\/index\.js, outside the project[\s\S]*?hint: a symbolic link, a package linked in from outside/);
  assertNoLeak(refused, project, assert);
});

test("a type-only import out of the project (which the bundle never sees) is refused by the type checker's file list", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, {
    lib: { link: secret },
    "release.k8s.ts": releaseUsing('import type * as Env from "./lib/env.ts";\nconst n: number = null as unknown as typeof Env.token;', "n"),
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /^error TKC2030: the type checker was led to \/[^,]+\/secret\/env\.ts, outside the project/m);
  assert.doesNotMatch(result.stderr, /error TS/, "nothing tsc said about the outside file is shown");
  assertNoLeak(result, project, assert);
});

// A 560 MB text file made a bundle longer than any JavaScript string: "internal error", exit 70.
test("a data file over 16 MiB is refused at its import before it is read; a smaller one is imported", () => {
  const { project } = sandboxWithSecret();
  writeFiles(project, {
    "small.txt": "x".repeat(1024 * 1024),
    "release.k8s.ts": releaseUsing('import big from "./big.txt";\nimport small from "./small.txt";', "big.length + small.length"),
  });
  writeFileSync(join(project, "big.txt"), Buffer.alloc(17 * 1024 * 1024, 0x61));
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /release\.k8s\.ts:2:17 error TKC2032: this import reads big\.txt, 17\.0 MiB; descriptors import files of at most 16 MiB\n/);
  assert.equal(result.stderr.match(/error TKC2032/g)?.length, 1, "the 1 MiB file is imported");
});
