// `tkc validate` as a CI gate: what it reads, what it counts as a failure, and how it reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

function tree(files: Record<string, string>): string {
  const dir = tempDir("tkc-validate-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test("folders are searched recursively (helm template --output-dir), kustomization.yaml and hidden folders skipped", () => {
  const dir = tree({
    "chart/templates/a.yaml": configMap("a"),
    "chart/templates/deep/er/b.yml": configMap("b"),
    "chart/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [templates/a.yaml]\n",
    ".git/c.yaml": "not: kubernetes\n",
    "notes.txt": "not yaml",
  });
  const result = runTkc(["validate", dir]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "2 objects valid for Kubernetes 1.36\n");
});

test("a linked folder inside a validated folder is not followed (as kubectl apply -f), and the run says so; a linked file is read", () => {
  const elsewhere = tree({ "c.yaml": configMap("c") });
  const dir = tree({ "a.yaml": configMap("a") });
  symlinkSync(elsewhere, join(dir, "shared"));
  symlinkSync(join(elsewhere, "c.yaml"), join(dir, "c.yaml"));
  const result = runTkc(["validate", dir]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "2 objects valid for Kubernetes 1.36\n");
  assert.match(result.stderr, /warning TKC1111: skipped \S*shared: a symbolic link to a folder, which tkc validate does not follow/);
  assert.match(result.stderr, /hint: name the folder to validate it: tkc validate \S*shared/);
  const named = runTkc(["validate", join(dir, "shared")]);
  assert.equal(named.status, 0, named.stderr);
  assert.equal(named.stdout, "1 object valid for Kubernetes 1.36\n");
});

test("a subfolder named x.yaml is a folder, not an unreadable file", () => {
  const dir = tree({ "x.yaml/inner.yaml": configMap("inner") });
  const result = runTkc(["validate", dir]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "1 object valid for Kubernetes 1.36\n");
});

test("- reads standard input", () => {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "-"], { input: configMap("piped") + "---\n" + configMap("two"), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, "2 objects valid for Kubernetes 1.36\n");
  const bad = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "-"], { input: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: [1]\n", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /<stdin>:4:1 error TKC3003: data: expected object/);
});

test("finding no Kubernetes object at all is an error, not success", () => {
  for (const files of [{}, { "empty.yaml": "---\n# nothing\n---\n" }] as Record<string, string>[]) {
    const result = runTkc(["validate", tree(files)]);
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stderr, /error TKC1113: no Kubernetes object found in \d+ files?/);
  }
});

test("a tkc bundle folder validates as a bundle: its bundle.json and kustomization.yaml are not objects", () => {
  const result = runTkc(["validate", "examples/hello/expected/dev"]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^\d+ objects valid for Kubernetes 1\.36\n$/);
  assert.doesNotMatch(result.stderr, /kustomization|bundle\.json/);
});

test("an output folder validates its current bundles, not every past revision in history/", () => {
  const out = tree({ "hello/history/dev/000001/revision.json": "{}\n" });
  cpSync(join(repoRoot, "examples/hello/expected/dev"), join(out, "hello", "dev"), { recursive: true });
  cpSync(join(repoRoot, "examples/hello/expected/dev"), join(out, "hello", "history", "dev", "000001"), { recursive: true });
  const one = runTkc(["validate", join(out, "hello", "dev")]);
  const all = runTkc(["validate", out]);
  assert.equal(all.status, 0, all.stderr);
  assert.equal(all.stdout, one.stdout);
  const revision = runTkc(["validate", join(out, "hello", "history", "dev", "000001")]);
  assert.equal(revision.stdout, one.stdout, "a revision named on the command line is validated");
});

test("one unreadable or malformed file never stops the validation of the others", () => {
  const dir = tree({
    "a-broken.yaml": "apiVersion: v1\nkind: [\n",
    "b-typo.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replica: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n",
  });
  const result = runTkc(["validate", join(dir, "a-broken.yaml"), join(dir, "b-typo.yaml"), "/dev/null/missing.yaml"]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /a-broken\.yaml:\d+:\d+ error TKC1101/);
  assert.match(result.stderr, /b-typo\.yaml:5:3 error TKC3002: unknown field "replica"/);
  assert.match(result.stderr, /error TKC1001: [^\n]*missing\.yaml/);
});

test("custom resources without a known CRD are skipped with a note, errors with --strict; --crds DIR gives the CRD", () => {
  const dir = tree({ "widget.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: big, namespace: shop}\nspec: {size: 40, colour: red}\n" });
  const skipped = runTkc(["validate", dir]);
  assert.equal(skipped.status, 0, skipped.stderr);
  assert.match(skipped.stderr, /widget\.yaml:1:1 warning TKC3006: example\.com\/v1 Widget is not checked: no CustomResourceDefinition for it is known/);
  const strict = runTkc(["validate", "--strict", dir]);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /error TKC3001: unknown custom resource example\.com\/v1 Widget/);
  const crds = tree({});
  copyFileSync(join(repoRoot, "test/crd/fixtures/widgets-crd.yaml"), join(crds, "widgets.yaml"));
  const checked = runTkc(["validate", "--crds", crds, dir]);
  assert.equal(checked.status, 1);
  assert.match(checked.stderr, /widget\.yaml:4:\d+ error TKC3002: unknown field "colour"[\s\S]*?hint: did you mean "color"\?/);
});

test("the imported CRDs of the nearest tkc.config.json are used", () => {
  const project = tree({ "tkc.config.json": JSON.stringify({ crds: ["crds"] }), "rendered/widget.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: big, namespace: shop}\nspec: {size: 40, colour: red}\n" });
  const imported = runTkc(["import", "crd", join(repoRoot, "test/crd/fixtures/widgets-crd.yaml"), "--out", join(project, "crds")], { cwd: project });
  assert.equal(imported.status, 0, imported.stderr);
  const result = runTkc(["validate", "rendered"], { cwd: project });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /unknown field "colour"/);
});

test("--kube-version 1.33,1.36 validates against each version in one run and reports per version", () => {
  // resource.k8s.io/v1 is served from Kubernetes 1.34 on
  const dir = tree({
    "claim.yaml": "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {}\n",
    "cm.yaml": configMap("shared"),
  });
  const result = runTkc(["validate", dir, "--kube-version", "1.36,1.33"]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /claim\.yaml:1:1 error TKC3001: [^\n]*not in target 1\.33 \(Kubernetes 1\.33\)/);
  assert.equal(result.stdout, "Kubernetes 1.33: 1 error in 2 objects\n2 objects valid for Kubernetes 1.36\n");
  const bad = runTkc(["validate", dir, "--kube-version", "1.33,1.99"]);
  assert.equal(bad.status, 2);
});

test("policy findings (image tags) are warnings in tkc validate; --policy error makes them errors", () => {
  const dir = tree({ "pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: nginx}\n    - {name: b, image: 'nginx:latest'}\n" });
  const warned = runTkc(["validate", dir]);
  assert.equal(warned.status, 0, warned.stderr);
  assert.match(warned.stderr, /warning TKC3205:[\s\S]*warning TKC3206:/);
  const strict = runTkc(["validate", "--policy", "error", dir]);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /error TKC3205:[\s\S]*error TKC3206:/);
});

test("--format json reports per version, with every diagnostic", () => {
  const dir = tree({ "bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: [1]\n" });
  const result = runTkc(["validate", dir, "--format", "json"]);
  assert.equal(result.status, 1);
  const report = JSON.parse(result.stdout);
  assert.equal(report.valid, false);
  assert.deepEqual(report.versions, [{ kubeVersion: "1.36", valid: false, errors: 1, warnings: 0 }]);
  assert.deepEqual(report.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line]), [["TKC3003", 4]]);
});

test("the real shapes people apply: null values, volumeClaimTemplates without apiVersion/kind, duplicate keys, required inside oneOf", () => {
  const dir = tree({
    "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ClusterIP\n  selector: {app: db}\n  ports:\n    - port: 5432\n      nodePort: null\n",
    "sts.yaml":
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: 'postgres:17.2'}]}\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n",
    "dup.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dup}\ndata:\n  level: info\n  level: debug\n",
    "crd.yaml":
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: routes.example.com}\nspec:\n  group: example.com\n  names: {kind: Route, plural: routes}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                exact: {type: string}\n                prefix: {type: string}\n              oneOf:\n                - required: [exact]\n                - required: [prefix]\n",
    "route.yaml": "apiVersion: example.com/v1\nkind: Route\nmetadata: {name: r}\nspec: {exact: /a}\n---\napiVersion: example.com/v1\nkind: Route\nmetadata: {name: both}\nspec: {exact: /a, prefix: /b}\n",
  });
  const result = runTkc(["validate", dir]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /dup\.yaml:6:3 warning TKC1102: the key "level" appears twice/);
  // the only error: the Route with both branches of the oneOf
  assert.deepEqual([...result.stderr.matchAll(/^(\S+) error (TKC\d+)/gm)].map((m) => `${m[1]!.replace(/^.*\//, "")} ${m[2]}`), ["route.yaml:9:1 TKC3005"]);
});
