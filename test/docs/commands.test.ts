// The shell commands of README.md's quick start and command table, run against their documented
// outcome. Every command found there must be covered here or be on the list of those that cannot
// run offline (with the test that covers them instead): a new or changed command fails this test
// until it is run here too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc as runTkcCold, tempDir, type CliResult } from "../support/cli.js";

// One cache for the whole file, as a user's machine has: the README's commands run warm.
const cache = tempDir("tkc-cache-");
const runTkc = (args: readonly string[], options: { cwd?: string } = {}) => runTkcCold(args, { ...options, env: { TKC_CACHE_DIR: cache } });

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

function section(title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `README has a "${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Commands in the quick start's sh blocks (comments dropped, `a && b` split) and in the command table's code spans. */
function documentedCommands(): string[] {
  const commands: string[] = [];
  for (const block of section("Quick start").matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split("\n")) {
      const command = line.replace(/\s+#.*$/, "").trim();
      if (command) commands.push(...command.split(" && ").map((c) => c.trim()));
    }
  }
  // Commands quoted in the quick start's prose, as `kubectl apply -k ...`.
  for (const span of section("Quick start").replace(/```[\s\S]*?```/g, "").matchAll(/`((?:tkc|npx|kubectl|npm) [^`]+)`/g)) commands.push(span[1]!);
  for (const row of section("Commands").split("\n").filter((l) => l.startsWith("| `"))) {
    const cell = row.slice(1, row.indexOf(" | ", 2));
    for (const span of cell.matchAll(/`([^`]+)`/g)) commands.push(span[1]!.replace(/\\\|/g, "|"));
  }
  return commands;
}

/** Commands that need the network, a cluster or are the test suite itself, and what covers them. */
const NOT_RUN_HERE: Record<string, string> = {
  "npm i -D tkc": "needs the registry; test/package/tarball.test.ts installs the tarball the same way, offline",
  "npm ci": "needs the registry (it is how this checkout was installed)",
  "npm test": "the test suite itself",
  "tkc push out/shop/prod oci://ghcr.io/acme/shop-prod:2.4.0 [--tag prod]": "needs a registry; test/oci/registry.test.ts pushes to a real Distribution registry it starts on loopback",
  "tkc pull oci://ghcr.io/acme/shop-prod@sha256:… --out DIR": "needs a registry; test/oci/registry.test.ts pulls by tag and by digest from a real registry",
  "kubectl apply -k out/my-service/prod": "needs a cluster; test/release/gitops.test.ts checks that kubectl kustomize yields exactly a bundle's objects",
  "kubectl apply -k examples/shop/out/shop/prod": "needs a cluster; test/release/gitops.test.ts checks that kubectl kustomize yields exactly the bundle's objects",
  "kubectl apply -f examples/shop/out/shop/prod/objects": "needs a cluster; test/release/gitops.test.ts checks that every file in objects/ is a Kubernetes object, and no other",
};

function ok(result: CliResult, what: string): CliResult {
  assert.equal(result.status, 0, `${what}\n${result.stdout}${result.stderr}`);
  return result;
}

/** A scratch copy of this repository's examples/shop, at the same relative path, to run README commands in. */
function workspace(): string {
  const root = tempDir("tkc-readme-");
  cpSync(join(repoRoot, "examples", "shop"), join(root, "examples", "shop"), { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  return root;
}

function tsc(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), ...args], { cwd, encoding: "utf8" });
}

const covered = new Set<string>();
function covers(...commands: string[]): void {
  for (const c of commands) covered.add(c);
}

test("quick start: init next to a package.json, type-check as the editor does, build at once", () => {
  const project = join(tempDir(), "my-service");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), '{ "name": "my-service", "private": true }\n');
  // `npx tkc ...` runs the installed binary; here it is this checkout's (test/package runs the real npx).
  const init = ok(runTkc(["init"], { cwd: project }), "npx tkc init");
  assert.match(init.stdout, /^created \.\/: tkc\.config\.json, tsconfig\.json, \.gitignore, \.gitattributes, release\.k8s\.ts$/m);
  assert.deepEqual(readFileSync(join(project, ".gitignore"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")), ["node_modules/", ".tkc-cache/"], "out/ stays in: it is committed");
  const checked = tsc(["--noEmit", "-p", "."], project);
  assert.equal(checked.status, 0, `npx tsc --noEmit -p .\n${checked.stdout}${checked.stderr}`);
  const built = ok(runTkc(["build"], { cwd: project }), "npx tkc build");
  assert.match(built.stdout, /^my-service\/dev: revision 1 .* -> out\/my-service\/dev /m);
  assert.match(built.stdout, /^my-service\/prod: revision 1 .* -> out\/my-service\/prod /m);
  // "tkc finds the project from any folder inside it"
  mkdirSync(join(project, "components"));
  assert.match(ok(runTkc(["build"], { cwd: join(project, "components") }), "build from a subfolder").stdout, /my-service\/dev: unchanged, revision 1/);
  covers("npx tkc init", "tkc init", "npx tsc --noEmit -p .", "npx tkc build");

  // The CI flow: the tag CI built as --set, the diff a reviewer reads, then apply (NOT_RUN_HERE).
  const ci = ok(runTkc(["build", "--set", "imageTag=1.27.4"], { cwd: project }), "npx tkc build --set imageTag=1.27.4");
  assert.match(ci.stdout, /^my-service\/prod: revision 2 /m);
  const bundle = JSON.parse(readFileSync(join(project, "out/my-service/prod/bundle.json"), "utf8"));
  assert.deepEqual(bundle.inputs, { imageTag: { value: "1.27.4", source: "--set" } });
  const review = ok(runTkc(["diff", ".", "--env", "prod"], { cwd: project }), "npx tkc diff . --env prod");
  assert.match(review.stdout, /Inputs:\n {2}imageTag {2}"1\.27\.3" → "1\.27\.4" \(--set\)/);
  assert.match(review.stdout, /nginx-unprivileged:1\.27\.3 → nginxinc\/nginx-unprivileged:1\.27\.4/);
  covers("npx tkc build --set imageTag=1.27.4", "npx tkc diff . --env prod");

  // tkc build --set / --values, tkc inputs [--format json]
  writeFileSync(join(project, "ci-values.yaml"), 'imageTag: "1.27.5"\n');
  ok(runTkc(["build", ".", "--set", "imageTag=1.27.6", "--values", "ci-values.yaml"], { cwd: project }), "tkc build --set --values");
  assert.equal(JSON.parse(readFileSync(join(project, "out/my-service/dev/bundle.json"), "utf8")).inputs.imageTag.value, "1.27.6", "--set wins over --values");
  const listed = ok(runTkc(["inputs", "."], { cwd: project }), "tkc inputs");
  assert.equal(listed.stdout, 'imageTag: string = "1.27.3"\n  tag of the web image to deploy\n  declared at release.k8s.ts:5:18\n');
  const json = JSON.parse(ok(runTkc(["inputs", ".", "--format", "json"], { cwd: project }), "tkc inputs --format json").stdout);
  assert.deepEqual(json, [{ name: "imageTag", type: "string", default: "1.27.3", description: "tag of the web image to deploy", perEnvironment: false, declared: "release.k8s.ts:5:18" }]);
  covers("tkc build [project] --set NAME=VALUE [--values FILE]", "tkc inputs [project] [--format json]");
});

test("quick start in this repository: tkc build examples/shop prints the documented line and writes the documented files", () => {
  const root = workspace();
  const built = ok(runTkc(["build", "examples/shop"], { cwd: root }), "npx tkc build examples/shop");
  const documented = /```\n(shop\/dev: revision 1 .*)\n```/.exec(section("Quick start"))![1]!;
  const [, digest] = /(sha256:[0-9a-f]{12})…/.exec(documented)!;
  const line = built.stdout.split("\n")[0]!;
  assert.equal(line.replace(/\(\d+ ms\)$/, ""), documented.replace(/\(\d+ ms\)$/, ""), `README's line (digest ${digest}) is what the build prints`);
  for (const env of ["dev", "staging", "prod"]) {
    const files = readdirSync(join(root, "examples/shop/out/shop", env));
    assert.deepEqual(files.sort(), ["bundle.json", "kustomization.yaml", "objects"], env);
    assert.ok(readdirSync(join(root, "examples/shop/out/shop", env, "objects")).some((f) => /^001-.*\.yaml$/.test(f)), env);
    assert.ok(existsSync(join(root, "examples/shop/out/shop/history", env, "000001", "revision.json")), `revision 1 of ${env}`);
  }
  covers("npx tkc build examples/shop", "tkc build examples/shop");
});

test("the command table's commands, each run as written (placeholders filled in)", () => {
  const root = workspace();
  const run = (args: string[]) => runTkc(args, { cwd: root });
  const shop = join(root, "examples/shop");

  // tkc init [dir]
  const fresh = join(root, "my-app");
  ok(run(["init", "my-app"]), "tkc init my-app");
  assert.match(ok(run(["build", "my-app"]), "it builds at once").stdout, /^my-app\/dev: revision 1/);
  covers("tkc init [dir]");
  assert.ok(existsSync(join(fresh, "tsconfig.json")));

  // tkc check [project]: every check, nothing written
  assert.match(ok(run(["check", "examples/shop"]), "tkc check").stdout, /^shop\/dev: 29 objects valid/m);
  assert.equal(existsSync(join(shop, "out")), false, "check writes nothing");
  const sarif = run(["check", "examples/shop", "--format", "sarif"]);
  assert.equal(sarif.status, 0, sarif.stderr);
  assert.equal(JSON.parse(sarif.stdout).version, "2.1.0");
  assert.equal(JSON.parse(ok(run(["check", "examples/shop", "--format", "json"]), "tkc check --format json").stdout).ok, true);
  assert.equal(run(["check", "examples/shop", "--format", "text"]).status, 0);
  covers("tkc check [project] [--format text|json|sarif]");

  // tkc build [project] [--env dev,prod] [--out DIR] [--layout files|stream] [--kube-version 1.33] [--strict-version] [--policy error|warning]
  const streamed = ok(run(["build", "examples/shop", "--env", "dev,prod", "--out", "dist", "--layout", "stream", "--kube-version", "1.33", "--strict-version", "--policy", "error"]), "tkc build with every option");
  assert.deepEqual(streamed.stdout.trim().split("\n").map((l) => l.split(":")[0]), ["shop/dev", "shop/prod"]);
  assert.ok(existsSync(join(root, "dist/shop/prod/objects/manifests.yaml")));
  ok(run(["build", "examples/shop"]), "tkc build examples/shop");
  covers("tkc build [project] [--env dev,prod] [--out DIR] [--layout files|stream] [--kube-version 1.33] [--strict-version] [--policy error|warning]");

  // tkc build [project] --env prod --out - [--show-only KIND/NAME]: a stream on stdout, nothing written
  const before = readdirSync(root, { recursive: true }).length;
  const printed = ok(run(["build", "examples/shop", "--env", "prod", "--out", "-"]), "tkc build --out -");
  assert.equal(printed.stdout.match(/^---$/gm)?.length, 29);
  const one = ok(run(["build", "examples/shop", "--env", "prod", "--out", "-", "--show-only", "Deployment/api"]), "tkc build --out - --show-only");
  assert.match(one.stdout, /^---\napiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: api\n/);
  assert.equal(one.stdout.match(/^---$/gm)?.length, 1);
  assert.equal(readdirSync(root, { recursive: true }).length, before, "--out - writes nothing");
  covers("tkc build [project] --env prod --out - [--show-only KIND/NAME]");

  // tkc validate FILES...: plain YAML, here the bundle just written
  const yamlFiles = readdirSync(join(shop, "out/shop/prod/objects")).map((f) => join(shop, "out/shop/prod/objects", f));
  ok(run(["validate", ...yamlFiles]), "tkc validate");
  // ... and with every option: a folder (the bundle), two versions, a CRD folder, strict, policy, json
  const crds = join(root, "crds");
  mkdirSync(crds, { recursive: true });
  const gated = ok(run(["validate", join(shop, "out/shop/prod"), "--kube-version", "1.33,1.36", "--crds", crds, "--strict", "--policy", "error", "--format", "json"]), "tkc validate with every option");
  assert.equal(JSON.parse(gated.stdout).valid, true);
  covers("tkc validate FILES...", "tkc validate FILES|DIRS|- [--kube-version 1.33,1.36] [--crds DIR] [--strict] [--policy warning|error] [--format text|json|sarif]");

  // A second revision of prod, to have history to show, diff and roll back.
  const api = join(shop, "api.k8s.ts");
  writeFileSync(join(shop, "release.k8s.ts"), readFileSync(join(shop, "release.k8s.ts"), "utf8").replace('version: "2.4.0"', 'version: "2.4.1"'));
  writeFileSync(api, readFileSync(api, "utf8").replace("shop/api:2.4.0", "shop/api:2.4.1"));
  assert.match(ok(run(["build", "examples/shop", "--env", "prod"]), "second build").stdout, /^shop\/prod: revision 2 \(version 2\.4\.1\)/);

  // tkc history [release|project] [--env prod] [--verify]
  const all = ok(run(["history", "examples/shop", "--verify"]), "tkc history examples/shop --verify");
  assert.deepEqual(all.stdout.split("\n").filter((l) => l.startsWith("shop/")).map((l) => l.split(" ")[0]), ["shop/dev", "shop/prod", "shop/staging"]);
  assert.match(all.stderr, /verified 4 revisions and the current bundles: every file matches/);
  const prod = ok(run(["history", "shop", "--env", "prod", "--out", "examples/shop/out"]), "tkc history shop --env prod");
  assert.match(prod.stdout, /^2\s+2\.4\.1\s/m);
  const inside = ok(runTkc(["history", "--env", "prod"], { cwd: shop }), "tkc history --env prod, in the project");
  assert.equal(inside.stdout.replace("(out/shop/history/prod)", "(examples/shop/out/shop/history/prod)"), prod.stdout);
  covers("tkc history [release|project] [--env prod] [--verify]");

  // tkc diff A B, tkc diff examples/shop --env prod, tkc diff shop --env prod --from 6 --to 8
  const twoDirs = ok(run(["diff", "examples/shop/out/shop/history/prod/000001", "examples/shop/out/shop/prod"]), "tkc diff A B");
  assert.match(twoDirs.stdout, /Summary: 2 changed, 0 added, 0 removed, 27 unchanged/);
  const latest = ok(run(["diff", "examples/shop", "--env", "prod"]), "tkc diff examples/shop --env prod");
  assert.equal(latest.stdout.replace(/^(---|\+\+\+) .*$/gm, ""), twoDirs.stdout.replace(/^(---|\+\+\+) .*$/gm, ""), "the latest revision against the one before");
  const range = ok(run(["diff", "shop", "--env", "prod", "--from", "1", "--to", "2", "--out", "examples/shop/out"]), "tkc diff shop --env prod --from 1 --to 2");
  assert.equal(range.stdout, latest.stdout);
  assert.equal(run(["diff", "examples/shop", "--env", "prod", "--exit-code"]).status, 1, "--exit-code: 1 for differences");
  covers("tkc diff A B", "tkc diff examples/shop --env prod", "tkc diff shop --env prod --from 6 --to 8");

  // tkc rollback [release|project] --env prod --to 6 (here: back to 1, from inside the project)
  const rolled = ok(runTkc(["rollback", "--env", "prod", "--to", "1"], { cwd: shop }), "tkc rollback");
  assert.match(rolled.stdout, /^shop\/prod: revision 3 rolls back revision 2 to revision 1 \(version 2\.4\.0\)/);
  const digest = (dir: string) => JSON.parse(readFileSync(join(shop, dir, "bundle.json"), "utf8")).digest;
  assert.equal(digest("out/shop/prod"), digest("out/shop/history/prod/000001"), "byte-identical objects to revision 1");
  covers("tkc rollback [release|project] --env prod --to 6");

  // tkc import crd FILE...
  mkdirSync(join(root, "vendor"));
  cpSync(join(repoRoot, "test/crd/fixtures/widgets-crd.yaml"), join(root, "vendor/widgets-crd.yaml"));
  ok(runTkc(["import", "crd", "../vendor/widgets-crd.yaml"], { cwd: fresh }), "tkc import crd");
  assert.ok(readdirSync(join(fresh, "crds"), { recursive: true }).some((f) => String(f).endsWith(".schema.json")));
  covers("tkc import crd FILE...");

  // tkc import yaml FILES|DIRS --out DIR [--env prod] [--include-secrets]
  mkdirSync(join(root, "manifests"));
  writeFileSync(join(root, "manifests/app.yaml"), [
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: web\n  labels: { app: web }\ndata:\n  MODE: production\n---",
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-token\n  namespace: web\n  labels: { app: web }\ntype: Opaque\nstringData:\n  token: not-for-git\n",
  ].join("\n"));
  ok(run(["import", "yaml", "manifests", "--out", "imported", "--env", "prod", "--include-secrets"]), "tkc import yaml");
  ok(run(["check", "imported"]), "the imported project checks");
  covers("tkc import yaml FILES|DIRS --out DIR [--env prod] [--include-secrets]");

  // tkc explain TKC3206, tkc completion bash|zsh
  assert.match(ok(run(["explain", "TKC3206"]), "tkc explain").stdout, /^# TKC3206: /);
  assert.match(ok(run(["completion", "bash"]), "tkc completion bash").stdout, /complete .*-F _tkc_complete tkc/);
  assert.match(ok(run(["completion", "zsh"]), "tkc completion zsh").stdout, /^#compdef tkc/);
  covers("tkc explain TKC3206", "tkc completion bash|zsh");
});

test("tkc diff examples/shop --base origin/main compares a git ref with the working tree", { skip: spawnSync("git", ["--version"]).status !== 0 && "git is not installed" }, () => {
  const root = workspace();
  const git = (...args: string[]) => {
    const result = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
    assert.equal(result.status, 0, result.stderr);
  };
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "shop");
  git("update-ref", "refs/remotes/origin/main", "HEAD"); // origin/main as after a fetch
  const api = join(root, "examples/shop/api.k8s.ts");
  writeFileSync(api, readFileSync(api, "utf8").replace("shop/api:2.4.0", "shop/api:2.4.1"));
  const diff = ok(runTkc(["diff", "examples/shop", "--base", "origin/main"], { cwd: root }), "tkc diff --base");
  assert.match(diff.stdout, /api:2\.4\.0[\s\S]*api:2\.4\.1/);
  covers("tkc diff examples/shop --base origin/main");
});

test("every command of the quick start and the command table is run above or has a reason not to be", () => {
  const missing = documentedCommands().filter((c) => !covered.has(c) && !(c in NOT_RUN_HERE));
  assert.deepEqual(missing, [], "README commands no test runs");
  // And the reasons are not stale.
  for (const command of Object.keys(NOT_RUN_HERE)) assert.ok(documentedCommands().includes(command), `${command} is still in the README`);
});
