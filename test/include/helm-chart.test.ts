import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { NO_HELM, testHelm } from "../support/helm.js";

const fixture = join(repoRoot, "test", "include", "fixtures", "helm");
const helm = testHelm();
const skip = helm ? false : NO_HELM;

function project(): string {
  const dir = join(tempDir(), "project");
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** The real helm behind a script that logs each subcommand, so a test sees whether Helm ran. */
function countingHelm(): { path: string; templates: () => number } {
  const dir = tempDir("tkc-helm-");
  const log = join(dir, "calls.log");
  writeFileSync(log, "");
  const path = join(dir, "helm");
  writeFileSync(path, `#!/bin/sh\necho "$1" >> '${log}'\nexec '${helm}' "$@"\n`);
  chmodSync(path, 0o755);
  return { path, templates: () => readFileSync(log, "utf8").split("\n").filter((line) => line === "template").length };
}

const deploymentOf = (bundle: string) => parse([...readTree(bundle).entries()].find(([name]) => name.includes("-deployment-"))![1]);

test("helmChart() renders a chart with a real helm: values per environment, patched, recorded in bundle.json", { skip }, () => {
  const dir = project();
  const out = join(dir, "out");
  const built = runTkc(["build", dir, "--out", out], { env: { TKC_HELM: helm! } });
  assert.equal(built.status, 0, built.stderr);
  const dev = deploymentOf(join(out, "greeter", "dev"));
  const prod = deploymentOf(join(out, "greeter", "prod"));
  assert.equal(dev.spec.replicas, 1);
  assert.equal(prod.spec.replicas, 3);
  assert.equal(prod.metadata.namespace, "greeter-prod", "--namespace is the environment's");
  assert.deepEqual(prod.spec.template.spec.containers[0].env, [{ name: "GREETING", value: "hello from prod" }]);
  assert.equal(prod.spec.template.spec.automountServiceAccountToken, false, "the patch ran");
  assert.equal(prod.metadata.labels["helm.sh/chart"], "greeter-0.3.1");

  const manifest = JSON.parse(readFileSync(join(out, "greeter", "prod", "bundle.json"), "utf8"));
  assert.equal(manifest.dependencies.length, 1);
  const [record] = manifest.dependencies;
  assert.equal(record.kind, "helmChart");
  assert.equal(record.chart, "charts/greeter");
  assert.equal(record.version, "0.3.1");
  assert.match(record.digest, /^sha256:[0-9a-f]{64}$/);
  assert.match(record.values, /^sha256:[0-9a-f]{64}$/);
  assert.match(record.helm, /^v3\.\d+\.\d+/);
  const devRecord = JSON.parse(readFileSync(join(out, "greeter", "dev", "bundle.json"), "utf8")).dependencies[0];
  assert.equal(devRecord.digest, record.digest);
  assert.notEqual(devRecord.values, record.values, "each environment records its own values");
  assert.ok(manifest.sources.some((s: { path: string }) => s.path === "charts/greeter/templates/deployment.yaml"), "the chart's files are sources");

  // Reproducible: a fresh cache and output give the same bytes.
  const again = runTkc(["build", dir, "--out", join(dir, "again")], { env: { TKC_HELM: helm! } });
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(readTree(join(dir, "again", "greeter", "prod")), readTree(join(out, "greeter", "prod")));

  // A chart bump shows in bundle.json: a new version and digest.
  const chartYaml = join(dir, "charts", "greeter", "Chart.yaml");
  writeFileSync(chartYaml, readFileSync(chartYaml, "utf8").replace("version: 0.3.1", "version: 0.4.0"));
  writeFileSync(join(dir, "release.k8s.ts"), readFileSync(join(dir, "release.k8s.ts"), "utf8").replace('version: "0.3.1"', 'version: "0.4.0"'));
  const bumped = runTkc(["build", dir, "--out", out], { env: { TKC_HELM: helm! } });
  assert.equal(bumped.status, 0, bumped.stderr);
  const next = JSON.parse(readFileSync(join(out, "greeter", "prod", "bundle.json"), "utf8")).dependencies[0];
  assert.equal(next.version, "0.4.0");
  assert.notEqual(next.digest, record.digest);
});

test("helm's output is cached by chart digest, values and Helm version: a second build does not run helm template", { skip }, () => {
  const dir = project();
  const counting = countingHelm();
  const cache = tempDir("tkc-cache-");
  const env = { TKC_HELM: counting.path, TKC_CACHE_DIR: cache };
  const first = runTkc(["build", dir, "--out", join(dir, "a")], { env });
  assert.equal(first.status, 0, first.stderr);
  assert.equal(counting.templates(), 2, "one render per environment");
  const second = runTkc(["build", dir, "--out", join(dir, "b")], { env });
  assert.equal(second.status, 0, second.stderr);
  assert.equal(counting.templates(), 2, "both renders came from the cache");
  assert.deepEqual(readTree(join(dir, "b", "greeter", "prod")), readTree(join(dir, "a", "greeter", "prod")), "the cache gives the same bytes");
  writeFileSync(join(dir, "release.k8s.ts"), readFileSync(join(dir, "release.k8s.ts"), "utf8").replace("replicas: 3,", "replicas: 4,"));
  const changed = runTkc(["build", dir, "--out", join(dir, "c")], { env });
  assert.equal(changed.status, 0, changed.stderr);
  assert.equal(counting.templates(), 3, "changed prod values miss the cache; dev's still hit it");
  assert.equal(deploymentOf(join(dir, "c", "greeter", "prod")).spec.replicas, 4);
});

test("a chart that fails to render shows Helm's message at the helmChart( call", { skip }, () => {
  const dir = project();
  writeFileSync(join(dir, "release.k8s.ts"), readFileSync(join(dir, "release.k8s.ts"), "utf8").replace("replicas: 3,", "replicas: -1,"));
  const built = runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: helm! } });
  assert.equal(built.status, 1);
  assert.match(built.stderr, /release\.k8s\.ts:12:5 error TKC2304: helm template failed for \.\/charts\/greeter:\n {2}Error: values don't meet the specifications of the schema\(s\)[\s\S]*replicas: Must be greater than or equal to 0/);
  assert.match(built.stderr, /12 \| +helmChart\(\{\n +\| +\^{9}\n/);

  const wrongVersion = project();
  writeFileSync(join(wrongVersion, "release.k8s.ts"), readFileSync(join(wrongVersion, "release.k8s.ts"), "utf8").replace('version: "0.3.1"', 'version: "0.2.0"'));
  assert.match(runTkc(["check", wrongVersion], { env: { TKC_HELM: helm! } }).stderr, /error TKC2304: helmChart: \.\/charts\/greeter is version 0\.3\.1, not 0\.2\.0/);
});

// Helm follows links: `.Files.Get` of a link to a CI credential put the file into the bundle.
test("a chart holding a link to a file outside the project is refused before Helm runs; links inside are inputs", { skip }, () => {
  const dir = project();
  const secret = join(tempDir("tkc-outside-"), "token.txt");
  writeFileSync(secret, "TOP-SECRET-TOKEN\n");
  const chart = join(dir, "charts", "greeter");
  writeFileSync(join(chart, "templates", "leak.yaml"), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leak\ndata:\n  stolen: {{ .Files.Get "files/token.txt" | quote }}\n');
  mkdirSync(join(chart, "files"));
  symlinkSync(secret, join(chart, "files", "token.txt"));
  const counting = countingHelm();
  const refused = runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: counting.path } });
  assert.equal(refused.status, 1, refused.stdout);
  assert.match(refused.stderr, /error TKC2304: helmChart: \.\/charts\/greeter holds a link, files\/token\.txt, to a file outside the project: Helm would read it, and tkc does not/);
  assert.doesNotMatch(refused.stderr + refused.stdout, /TOP-SECRET/);
  assert.equal(counting.templates(), 0, "helm template never ran");
  // A link to a folder outside is found too, however deep.
  rmSync(join(chart, "files"), { recursive: true });
  symlinkSync(join(secret, ".."), join(chart, "files"));
  assert.match(runTkc(["check", dir], { env: { TKC_HELM: counting.path } }).stderr, /holds a link, files, to a file outside the project/);
  // Inside the project, a link is followed, and what it points at is part of the chart's digest.
  rmSync(join(chart, "files"));
  mkdirSync(join(dir, "shared"));
  writeFileSync(join(dir, "shared", "token.txt"), "first");
  mkdirSync(join(chart, "files"));
  symlinkSync(join(dir, "shared", "token.txt"), join(chart, "files", "token.txt"));
  const built = runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: helm! } });
  assert.equal(built.status, 0, built.stderr);
  const digest = () => JSON.parse(readFileSync(join(dir, "out", "greeter", "prod", "bundle.json"), "utf8")).dependencies[0].digest;
  const before = digest();
  writeFileSync(join(dir, "shared", "token.txt"), "second");
  assert.equal(runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: helm! } }).status, 0);
  assert.notEqual(digest(), before, "the linked file's content is in the digest");
});

// Helm resolves the `$ref`s of a chart's values.schema.json while it renders: one to a URL was
// fetched (reproduced against a loopback server), one to file:/// read outside the project.
test("a chart whose values schema refers to a URL or a file outside it is refused before Helm runs", { skip }, () => {
  const counting = countingHelm();
  for (const ref of ["https://schemas.example.com/replicas.json", "http://127.0.0.1:9/replicas.json", "file:///etc/passwd"]) {
    const dir = project();
    writeFileSync(join(dir, "charts", "greeter", "values.schema.json"), JSON.stringify({ type: "object", properties: { replicaCount: { $ref: ref } } }));
    const built = runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: counting.path } });
    assert.equal(built.status, 1, built.stdout);
    assert.ok(built.stderr.includes(`error TKC2304: helmChart: ./charts/greeter's values.schema.json refers to ${ref}, which Helm would fetch to check the values: tkc builds without the network`), built.stderr);
  }
  assert.equal(counting.templates(), 0, "helm template never ran");
  // A schema of its own, with local references, renders.
  const dir = project();
  writeFileSync(join(dir, "charts", "greeter", "values.schema.json"), JSON.stringify({ type: "object", definitions: { count: { type: "integer" } }, properties: { replicaCount: { $ref: "#/definitions/count" } } }));
  const built = runTkc(["build", dir, "--out", join(dir, "out")], { env: { TKC_HELM: helm! } });
  assert.equal(built.status, 0, built.stderr);
});

test("no helm gives a clear error saying how to get one", () => {
  const dir = project();
  const missing = runTkc(["check", dir], { env: { TKC_HELM: join(dir, "no-such-helm") } });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /release\.k8s\.ts:12:5 error TKC2303: helmChart: TKC_HELM names .*no-such-helm, which does not exist/);
  assert.match(missing.stderr, /hint: install Helm 3 \(https:\/\/helm\.sh\/docs\/intro\/install\/\) and put `helm` on PATH, or set TKC_HELM/);
  const emptyPath = join(dir, "empty-bin");
  mkdirSync(emptyPath);
  const none = runTkc(["check", dir], { env: { TKC_HELM: "", PATH: emptyPath } });
  assert.equal(none.status, 1, none.stderr);
  assert.match(none.stderr, /error TKC2303: helmChart: no `helm` binary found on PATH \(or in TKC_HELM\)/);
});

test("options of the wrong type never reach helm: one error at the call, not one per environment", () => {
  const dir = project();
  writeFileSync(join(dir, "release.k8s.ts"), readFileSync(join(dir, "release.k8s.ts"), "utf8").replace('version: "0.3.1",', 'version: "0.3.1", namespace: 5 as unknown as string,'));
  const built = runTkc(["check", dir], { env: { TKC_HELM: join(dir, "no-such-helm") } });
  assert.equal(built.status, 1);
  assert.match(built.stderr, /release\.k8s\.ts:12:5 error TKC2301: this call's path, chart, version, namespace or release name is not a non-empty string/);
  assert.match(built.stderr, /\n1 error, 0 warnings/);
});
