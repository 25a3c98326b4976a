import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parse } from "yaml";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

const fixture = join(repoRoot, "test", "include", "fixtures", "project");

/** A copy of the fixture project, with `edit` applied to its release descriptor. */
function project(edit: (release: string) => string = (r) => r): string {
  const dir = join(tempDir(), "project");
  cpSync(fixture, dir, { recursive: true });
  const file = join(dir, "release.k8s.ts");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

function objects(bundle: string): Record<string, any>[] {
  return [...readTree(join(bundle, "objects")).entries()].filter(([name]) => /^\d{3}-/.test(name)).map(([, text]) => parse(text));
}

test("include() adds a vendored manifest set: patched, validated with its CRD, in install order, its sha256 in bundle.json", () => {
  const dir = project();
  const out = join(dir, "out");
  const built = runTkc(["build", dir, "--out", out]);
  assert.equal(built.status, 0, built.stderr);
  const bundle = join(out, "vendored", "dev");
  const files = [...readTree(join(bundle, "objects")).keys()].filter((name) => /^\d{3}-/.test(name));
  assert.deepEqual(files, [
    "001-namespace-vendored-dev.yaml",
    "002-serviceaccount-widget-operator.yaml",
    "003-customresourcedefinition-widgets.example.com.yaml",
    "004-clusterrole-widget-operator.yaml",
    "005-deployment-widget-operator.yaml",
    "006-widget-default-widget.yaml",
  ]);
  const byKind = new Map(objects(bundle).map((o) => [o.kind, o]));
  const deployment = byKind.get("Deployment")!;
  assert.equal(deployment.spec.replicas, 2, "patch() set the replicas");
  assert.deepEqual(deployment.spec.template.spec.tolerations, [{ effect: "NoSchedule", key: "dedicated", operator: "Equal", value: "operators" }], "forEachPod() added the toleration");
  // namespace: "environment" moves what named a namespace; what named none gets it anyway.
  assert.equal(deployment.metadata.namespace, "vendored-dev");
  assert.equal(byKind.get("ServiceAccount")!.metadata.namespace, "vendored-dev");
  assert.equal(byKind.get("Widget")!.metadata.namespace, "vendored-dev");
  assert.equal(byKind.get("ClusterRole")!.metadata.namespace, undefined, "cluster-scoped objects get none");
  const manifest = JSON.parse(readFileSync(join(bundle, "bundle.json"), "utf8"));
  const vendored = readFileSync(join(dir, "vendor", "operator.yaml"));
  assert.deepEqual(manifest.sources.find((s: { path: string }) => s.path === "vendor/operator.yaml"), { path: "vendor/operator.yaml", sha256: sha256(vendored) });
  assert.deepEqual(manifest.dependencies, [{ kind: "include", path: "vendor/operator.yaml", sha256: `sha256:${sha256(vendored)}` }]);

  // The same sources give the same bytes; a changed vendored file is noticed (not the warm path).
  const again = runTkc(["build", dir, "--out", join(dir, "out2")]);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(readTree(join(dir, "out2", "vendored", "dev")), readTree(bundle));
  writeFileSync(join(dir, "vendor", "operator.yaml"), vendored.toString().replace("size: 3", "size: 4"));
  const changed = runTkc(["build", dir, "--out", out]);
  assert.equal(changed.status, 0, changed.stderr);
  assert.match(changed.stdout, /revision 2 .* \+0 ~1 -0 objects/);
});

test('namespace: "keep" (the default) leaves the namespaces the file names', () => {
  const dir = project((r) => r.replace('namespace: "environment",', ""));
  const built = runTkc(["build", dir, "--out", join(dir, "out")]);
  assert.equal(built.status, 0, built.stderr);
  const byKind = new Map(objects(join(dir, "out", "vendored", "dev")).map((o) => [o.kind, o]));
  assert.equal(byKind.get("Deployment")!.metadata.namespace, "widget-system");
  assert.equal(byKind.get("ServiceAccount")!.metadata.namespace, "widget-system");
  assert.equal(byKind.get("Widget")!.metadata.namespace, "vendored-dev", "an object naming no namespace goes to the environment's");
});

test("a patch that selects nothing is an error at the patch, listing what the include has", () => {
  const dir = project((r) => r.replace('"Deployment", "widget-operator"', '"Deployment", "widget-operatr"'));
  const built = runTkc(["build", dir, "--out", join(dir, "out")]);
  assert.equal(built.status, 1);
  assert.match(built.stderr, /release\.k8s\.ts:13:9 error TKC2302: this patch selects Deployment 'widget-operatr', but include\("vendor\/operator\.yaml"\) has none/);
  assert.match(built.stderr, /hint: the include renders .*Deployment 'widget-operator'/);
});

test("included objects are validated like tkc's own, custom resources against the CRD in the same file", () => {
  const dir = project();
  const vendored = join(dir, "vendor", "operator.yaml");
  writeFileSync(vendored, readFileSync(vendored, "utf8").replace("size: 3", "size: 0"));
  const built = runTkc(["build", dir, "--out", join(dir, "out")]);
  assert.equal(built.status, 1);
  assert.match(built.stderr, /release\.k8s\.ts:10:5 error TKC3005: spec\.size: integer 0 must be >= 1/);
  assert.match(built.stderr, /object: example\.com\/v1 Widget vendored-dev\/default-widget/);
});

test("include() reads only the project's files, and reports bad YAML at the call", () => {
  const outside = project((r) => r.replace("vendor/operator.yaml", "../../etc/passwd"));
  const refused = runTkc(["build", outside, "--out", join(outside, "out")]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /release\.k8s\.ts:10:5 error TKC2301: include: \.\.\/\.\.\/etc\/passwd lies outside the project: tkc does not read it/);

  const missing = project((r) => r.replace("vendor/operator.yaml", "vendor/nope.yaml"));
  assert.match(runTkc(["check", missing]).stderr, /error TKC2301: include: vendor\/nope\.yaml does not exist in the project/);

  const broken = project();
  writeFileSync(join(broken, "vendor", "operator.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n---\nfoo: bar\n");
  const bad = runTkc(["check", broken]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /error TKC2301: include: vendor\/operator\.yaml: line 4: Flow map .*; line 5: not a Kubernetes object \(it needs apiVersion and kind\)/);
});

test("a release that includes a manifest prints each descriptor log line once (only the last evaluation pass's)", () => {
  const dir = project((r) => r.replace("export default release({", 'console.log("building", "vendored");\n\nexport default release({').replace("d.spec!.replicas = 2;", 'd.spec!.replicas = 2;\n          console.log("patched", d.metadata.name);'));
  const checked = runTkc(["check", dir]);
  assert.equal(checked.status, 0, checked.stderr);
  const logged = checked.stderr.split("\n").filter((line) => line.startsWith("[descriptor]"));
  assert.deepEqual(logged, ["[descriptor] building vendored", "[descriptor] patched widget-operator"]);
});

// include() read whatever the path named: a folder was "internal error" and a FIFO blocked the
// build forever (the host reads it, outside the evaluation's time limit).
test("include() of a folder or a FIFO is refused by its type, before it is opened", { skip: spawnSync("mkfifo", ["--version"]).status === 0 ? false : "no mkfifo here" }, () => {
  const dir = tempDir();
  mkdirSync(join(dir, "vendor"));
  spawnSync("mkfifo", [join(dir, "pipe.yaml")]);
  writeFileSync(
    join(dir, "release.k8s.ts"),
    `import { include, release } from "tkc";\nexport default release({ name: "inc", version: "1.0.0", environments: { dev: { namespace: "inc" } }, components: [include("vendor"), include("pipe.yaml")] });\n`,
  );
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "check", dir], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-") } });
  assert.equal(result.error, undefined, "it finished");
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /release\.k8s\.ts:2:\d+ error TKC2301: include: vendor is a folder\n/);
  assert.match(result.stderr, /release\.k8s\.ts:2:\d+ error TKC2301: include: pipe\.yaml is not a regular file\n/);
});

// The project's own files were read whatever they were: a FIFO named like a descriptor, or as
// tkc.config.json, blocked the build for ever before any time limit applied.
test("a descriptor, tkc.config.json or CRD schema that is a FIFO is refused by its type, and the build ends", { skip: spawnSync("mkfifo", ["--version"]).status === 0 ? false : "no mkfifo here" }, () => {
  const check = (dir: string) => spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "check", dir], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-") } });
  const project = () => {
    const dir = tempDir();
    writeFileSync(join(dir, "release.k8s.ts"), `import { release } from "tkc";\nexport default release({ name: "inc", version: "1.0.0", environments: { dev: { namespace: "inc" } }, components: [] });\n`);
    return dir;
  };
  const descriptor = project();
  spawnSync("mkfifo", [join(descriptor, "web.k8s.ts")]);
  const refused = check(descriptor);
  assert.equal(refused.error, undefined, "it finished");
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /web\.k8s\.ts:1:1 error TKC1111: web\.k8s\.ts is a FIFO, not a file: tkc does not read it\n/);

  const config = project();
  spawnSync("mkfifo", [join(config, "tkc.config.json")]);
  const configured = check(config);
  assert.equal(configured.error, undefined, "it finished");
  assert.equal(configured.status, 1, configured.stderr);
  assert.match(configured.stderr, /tkc\.config\.json:1:1 error TKC1111: tkc\.config\.json is a FIFO, not a file/);
  // tkc validate reads the CRD folders of the config where it runs
  const validated = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "."], { cwd: config, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(validated.error, undefined, "validate finished");
  assert.match(validated.stderr, /error TKC1111: .*tkc\.config\.json is a FIFO, not a file/);

  const schema = project();
  writeFileSync(join(schema, "tkc.config.json"), JSON.stringify({ crds: ["crds"] }));
  mkdirSync(join(schema, "crds"));
  spawnSync("mkfifo", [join(schema, "crds", "widgets.v1.schema.json")]);
  const crd = check(schema);
  assert.equal(crd.error, undefined, "it finished");
  assert.match(crd.stderr, /error TKC1111: crds\/widgets\.v1\.schema\.json is a FIFO, not a file/);
});
