import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { supportedKubeVersions } from "../../schemas/index.js";

test("tkc init scaffolds a project that builds at once and that plain tsc checks with the same types", () => {
  const dir = join(tempDir(), "my-app");
  const init = runTkc(["init", dir]);
  assert.equal(init.status, 0, init.stderr);
  for (const file of ["tkc.config.json", "tsconfig.json", "release.k8s.ts", ".gitignore", ".gitattributes"]) assert.ok(existsSync(join(dir, file)), file);

  const built = runTkc(["build", dir]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /^my-app\/dev: revision 1 \(version 0\.1\.0\), \+3 ~0 -0 objects, sha256:[0-9a-f]{12}… -> .*\nmy-app\/prod: revision 1/);

  // What an editor does: TypeScript with the scaffolded tsconfig resolves "tkc" and "tkc/k8s".
  const tsc = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

  const again = runTkc(["init", dir]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exist[\s\S]*--force/);
});

// The command it suggests is one a user can paste into a shell as it is.
test("tkc init suggests the next command with the folder quoted for a shell when it needs it", () => {
  const parent = tempDir();
  const init = runTkc(["init", "my app's"], { cwd: parent });
  assert.equal(init.status, 0, init.stderr);
  assert.match(init.stdout, /\nnext: tkc build 'my app'\\''s'$/m);
  const next = spawnSync("sh", ["-c", `${process.execPath} ${join(repoRoot, "bin", "tkc.cjs")} ${init.stdout.split("next: tkc ")[1]!.trim()}`], { cwd: parent, encoding: "utf8" });
  assert.equal(next.status, 0, next.stderr);
  assert.match(next.stdout, /^my-app-s\/dev: revision 1/);
});

// Helm's --set takes a=1,b=2; tkc's --set names one input, so the comma went into the image tag,
// which the API server accepts and the kubelet cannot parse: the pods would wait with InvalidImageName.
test("an image the kubelet cannot parse (a --set value with a comma in its tag) is a policy error at the image's line", () => {
  const dir = join(tempDir(), "app");
  assert.equal(runTkc(["init", dir]).status, 0);
  const built = runTkc(["build", dir, "--env", "dev", "--set", "imageTag=1.28,foo=bar"]);
  assert.equal(built.status, 1);
  assert.match(built.stderr, /release\.k8s\.ts:10:3 error TKC3259: image "nginxinc\/nginx-unprivileged:1\.28,foo=bar" of container "web" is not an image reference the kubelet can parse: its tag "1\.28,foo=bar" is not/);
  assert.match(built.stderr, /InvalidImageName/);
  const warned = runTkc(["build", dir, "--env", "dev", "--set", "imageTag=1.28,foo=bar", "--policy", "warning"]);
  assert.equal(warned.status, 0, warned.stderr);
  assert.match(warned.stderr, /warning TKC3259/);
});

test("--layout stream writes one manifests.yaml with the same objects and digest", () => {
  const files = tempDir();
  const stream = tempDir();
  const a = runTkc(["build", "examples/shop", "--env", "prod", "--out", files]);
  const b = runTkc(["build", "examples/shop", "--env", "prod", "--out", stream, "--layout", "stream"]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.equal(a.stdout.match(/sha256:\S+/)![0], b.stdout.match(/sha256:\S+/)![0], "layout does not change the digest");
  const tree = readTree(join(stream, "shop", "prod"));
  assert.deepEqual([...tree.keys()], ["bundle.json", "kustomization.yaml", "objects/manifests.yaml"]);
  const documents = tree.get("objects/manifests.yaml")!.split(/^---\n/m).filter(Boolean);
  const perFile = [...readTree(join(files, "shop", "prod")).entries()].filter(([name]) => /^objects\/\d{3}-.*\.yaml$/.test(name)).map(([, content]) => content);
  assert.deepEqual(documents, perFile);
});

test("a failed build leaves the previous bundle untouched", () => {
  const project = join(tempDir(), "hello");
  cpSync(join(repoRoot, "examples", "hello"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const out = tempDir();
  assert.equal(runTkc(["build", project, "--out", out]).status, 0);
  const before = readTree(join(out, "hello", "dev"));

  const source = join(project, "release.k8s.ts");
  writeFileSync(source, readFileSync(source, "utf8").replace("nginx-unprivileged:1.27.3", "nginx-unprivileged:latest").replace('"/tmp"', '"/tmp", "/var/cache"'));
  const failed = runTkc(["build", project, "--out", out]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /TKC3206/);
  assert.deepEqual(readTree(join(out, "hello", "dev")), before);
});

test("exit codes: 2 for usage errors, 1 for an unknown environment, with a hint", () => {
  const usage = runTkc(["build", "examples/hello", "--layout", "zip"]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Invalid values:[\s\S]*layout/);
  const none = runTkc([]);
  assert.equal(none.status, 2);
  const env = runTkc(["check", "examples/shop", "--env", "qa"]);
  assert.equal(env.status, 1);
  assert.match(env.stderr, /error TKC1005: release 'shop' has no environment 'qa'[\s\S]*hint: choose one of: dev, staging, prod/);
});

test("every command's --help shows examples", () => {
  for (const command of ["init", "build", "check", "validate", "history", "rollback", "diff", "import", "inputs", "explain", "completion"]) {
    const help = runTkc([command, "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Examples:/, command);
  }
});

test("no colour when output is not a terminal, even without NO_COLOR", () => {
  const result = runTkc(["check", "test/errors/latest-image"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
  assert.equal(result.status, 1);
  assert.doesNotMatch(result.stderr, /\u001b\[/);
});

test("the shop example is valid for every supported Kubernetes version", () => {
  for (const version of supportedKubeVersions) {
    const result = runTkc(["check", "examples/shop", "--kube-version", version]);
    assert.equal(result.status, 0, `${version}: ${result.stderr}`);
  }
});

// A stdlib mistake hands the objects on to validation: the request must be one the release can
// serve first (an unknown --env once crashed that path, exit 70).
test("a stdlib mistake with --env or --set: every mistake of the run, the request's too, and never a crash", () => {
  const project = "test/errors/call-and-object-mistakes";
  const unknown = runTkc(["check", project, "--env", "nope"]);
  assert.equal(unknown.status, 1, unknown.stderr);
  assert.match(unknown.stderr, /error TKC2102: workload 'web' sets both 'port' and 'ports'[\s\S]*error TKC1005: release 'case' has no environment 'nope'/);
  assert.doesNotMatch(unknown.stderr, /internal error|\n\s+at /);
  const one = runTkc(["check", project, "--env", "dev"]);
  assert.equal(one.status, 1);
  assert.deepEqual(one.stderr.match(/error TKC\d+/g), ["error TKC2102", "error TKC3106", "error TKC3101"]);
  const badSet = runTkc(["check", project, "--set", "nope=1"]);
  assert.equal(badSet.status, 1);
  assert.match(badSet.stderr, /error TKC1030: --set nope names input 'nope'/);
  assert.match(badSet.stderr, /error TKC2102/);
});

// Opinions the API server does not enforce are policy: errors in a build by default, and a
// configurable rule, never validation (a team may build :latest in dev on purpose).
test("policy findings (an image on :latest) stop a build by default; --policy warning or \"policy\" in tkc.config.json lets it through, saying so", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "release.k8s.ts"), `import { release, service } from "tkc";
const web = service({ name: "web", image: "nginx:latest", port: { name: "http", containerPort: 8080 } });
export default release({ name: "pol", version: "1.0.0", environments: { dev: { namespace: "pol-dev" } }, components: [web] });
`);
  const strict = runTkc(["build", dir]);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /release\.k8s\.ts:2:36 error TKC3206: image "nginx:latest" of container "web" uses :latest/);
  assert.ok(!existsSync(join(dir, "out")), "nothing written");
  const flagged = runTkc(["build", dir, "--policy", "warning"]);
  assert.equal(flagged.status, 0, flagged.stderr);
  assert.match(flagged.stderr, /release\.k8s\.ts:2:36 warning TKC3206: .*\n[\s\S]*0 errors, 1 warning/);
  assert.match(flagged.stdout, /^pol\/dev: revision 1/);
  writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ policy: "warning" }));
  const configured = runTkc(["check", dir]);
  assert.equal(configured.status, 0, configured.stderr);
  assert.match(configured.stderr, /warning TKC3206/);
  // the flag wins over the file
  assert.equal(runTkc(["check", dir, "--policy", "error"]).status, 1);
  // a real validation error is never policy
  writeFileSync(join(dir, "release.k8s.ts"), readFileSync(join(dir, "release.k8s.ts"), "utf8").replace('name: "web", image', 'name: "Web", image'));
  const invalid = runTkc(["check", dir]);
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /error TKC3\d+: .*"Web"/);
});
