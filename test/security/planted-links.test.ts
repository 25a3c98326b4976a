import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// The import commands write generated files into a repository that others commit to. A planted
// link must never lead a write out of it: `tkc import crd` wrote through `x.ts.tmp -> victim`
// (its temp file had a fixed name) and through a linked folder.
const CRD = join(repoRoot, "test", "crd", "fixtures", "widgets-crd.yaml");
const SHOP = join(repoRoot, "test", "import-yaml", "fixtures", "shop");

function victim(): string {
  const file = join(tempDir(), "victim.txt");
  writeFileSync(file, "precious\n");
  return file;
}

function crdProject(): string {
  const project = tempDir();
  writeFileSync(join(project, "tkc.config.json"), "{}\n");
  mkdirSync(join(project, "crds", "example.com"), { recursive: true });
  return project;
}

test("tkc import crd writes neither through a planted temp-file link nor through a link at the target", () => {
  const project = crdProject();
  const folder = join(project, "crds", "example.com");
  const atTemp = victim();
  const atTarget = victim();
  symlinkSync(atTemp, join(folder, "widgets.ts.tmp"));
  symlinkSync(atTarget, join(folder, "widgets.v1.schema.json"));
  const imported = runTkc(["import", "crd", CRD], { cwd: project });
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal(readFileSync(atTemp, "utf8"), "precious\n");
  assert.equal(readFileSync(atTarget, "utf8"), "precious\n");
  // The link at the target is replaced by the generated file; no temp file is left.
  assert.ok(lstatSync(join(folder, "widgets.v1.schema.json")).isFile());
  assert.ok(lstatSync(join(folder, "widgets.ts")).isFile());
  assert.deepEqual(readdirSync(folder).sort(), ["widgets.ts", "widgets.ts.tmp", "widgets.v1.schema.json"]);
});

test("tkc import crd refuses a linked folder on the way (TKC4007) and writes nothing outside", () => {
  const project = tempDir();
  writeFileSync(join(project, "tkc.config.json"), "{}\n");
  const outside = tempDir();
  mkdirSync(join(project, "crds"));
  symlinkSync(outside, join(project, "crds", "example.com"));
  const imported = runTkc(["import", "crd", CRD], { cwd: project });
  assert.equal(imported.status, 1);
  assert.match(imported.stderr, /^error TKC4007: .*crds\/example\.com is a symbolic link; tkc never writes, deletes or reads through a link inside the folder tkc generates into\n  hint: remove the link \(a commit may have planted it\) and run the command again\n/);
  assert.doesNotMatch(imported.stderr, /internal error/);
  assert.deepEqual(readdirSync(outside), []);
});

test("tkc import yaml --force into an existing project follows no planted link", () => {
  const out = tempDir();
  const atTemp = victim();
  const atFile = victim();
  symlinkSync(atTemp, join(out, "release.k8s.ts.tmp"));
  symlinkSync(atFile, join(out, "mailer.k8s.ts"));
  const forced = runTkc(["import", "yaml", SHOP, "--out", out, "--force"]);
  assert.equal(forced.status, 0, forced.stderr);
  assert.equal(readFileSync(atTemp, "utf8"), "precious\n");
  assert.equal(readFileSync(atFile, "utf8"), "precious\n");
  assert.ok(lstatSync(join(out, "release.k8s.ts")).isFile());
  assert.ok(lstatSync(join(out, "mailer.k8s.ts")).isFile());

  // A link in the --out path the user typed is the user's choice, as for tkc build's --out.
  const parent = tempDir();
  symlinkSync(tempDir(), join(parent, "linked"));
  const named = runTkc(["import", "yaml", SHOP, "--out", join(parent, "linked", "app")]);
  assert.equal(named.status, 0, named.stderr);
});

// The project's cache folder: a committed `.tkc-cache -> elsewhere` took every cache write
// (type-check results, warm-build entries, the checker's config) out of the project.
test("a project whose .tkc-cache is a link is refused (TKC4007) before anything is written through it", () => {
  const project = join(tempDir(), "hello");
  mkdirSync(project);
  writeFileSync(join(project, "release.k8s.ts"), readFileSync(join(repoRoot, "examples", "hello", "release.k8s.ts")));
  const outside = tempDir();
  symlinkSync(outside, join(project, ".tkc-cache"));
  // runTkc gives every run a TKC_CACHE_DIR of its own: unset it, as a user's shell has it.
  const built = runTkc(["build", project, "--out", join(project, "out")], { env: { TKC_CACHE_DIR: "" } });
  assert.equal(built.status, 1, built.stdout + built.stderr);
  assert.match(built.stderr, /^error TKC4007: .*hello\/\.tkc-cache is a symbolic link; tkc never writes its cache through a link in the project\n  hint: remove the link \(a commit may have planted it\), or set TKC_CACHE_DIR to a folder of your own/);
  assert.deepEqual(readdirSync(outside), []);
  // With TKC_CACHE_DIR set, the project's link is not used at all, and the build goes on.
  const elsewhere = runTkc(["build", project, "--out", join(project, "out")], { env: { TKC_CACHE_DIR: tempDir() } });
  assert.equal(elsewhere.status, 0, elsewhere.stderr);
  assert.deepEqual(readdirSync(outside), []);
});

// tkc init in a folder that already holds files (a clone): a dangling link was written through
// (existsSync follows links, so `release.k8s.ts -> ~/.profile` looked absent), and a linked
// .gitignore was appended to wherever it pointed.
test("tkc init writes through no link: a dangling one is kept, a linked .gitignore or .gitattributes is left alone, --force replaces links", () => {
  const dir = tempDir();
  const target = join(tempDir(), "profile");
  const ignored = victim();
  const config = victim();
  const attributes = victim();
  symlinkSync(target, join(dir, "release.k8s.ts"));
  symlinkSync(ignored, join(dir, ".gitignore"));
  symlinkSync(config, join(dir, "tsconfig.json"));
  symlinkSync(attributes, join(dir, ".gitattributes"));
  const init = runTkc(["init", dir]);
  assert.equal(init.status, 0, init.stderr);
  assert.match(init.stdout, /created .*: tkc\.config\.json\n/);
  assert.match(init.stdout, /left \.gitignore as it is \(a symbolic link\): make sure it ignores node_modules\/ and \.tkc-cache\//);
  assert.match(init.stdout, /left \.gitattributes as it is \(a symbolic link\): make sure it holds out\/\*\* -text/);
  assert.equal(readFileSync(attributes, "utf8"), "precious\n");
  assert.match(init.stdout, /kept \(already there\): tsconfig\.json, release\.k8s\.ts/);
  assert.equal(existsSync(target), false, "nothing is created through the dangling link");
  assert.equal(readFileSync(ignored, "utf8"), "precious\n");

  const forced = runTkc(["init", dir, "--force"]);
  assert.equal(forced.status, 0, forced.stderr);
  for (const name of ["release.k8s.ts", ".gitignore", "tsconfig.json", ".gitattributes"]) assert.ok(lstatSync(join(dir, name)).isFile(), `${name} is a file of its own now`);
  assert.equal(existsSync(target), false);
  assert.equal(readFileSync(ignored, "utf8"), "precious\n");
  assert.equal(readFileSync(config, "utf8"), "precious\n");
  assert.equal(readFileSync(attributes, "utf8"), "precious\n");
});
