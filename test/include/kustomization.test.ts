import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readTree } from "../support/files.js";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

const fixture = join(repoRoot, "test", "include", "fixtures", "kustomize");
const kubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" });
const skip = kubectl.error || kubectl.status !== 0 ? "kubectl is not on PATH (it renders Kustomize bases)" : false;

function project(): string {
  const dir = join(tempDir(), "project");
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

test("kustomization() renders a base and an overlay per environment with kubectl kustomize, patched and recorded", { skip }, () => {
  const dir = project();
  const built = runTkc(["build", dir, "--out", join(dir, "out")]);
  assert.equal(built.status, 0, built.stderr);
  const deployment = (env: string) => {
    const tree = readTree(join(dir, "out", "echo", env));
    return parse([...tree.entries()].find(([name]) => name.includes("-deployment-"))![1]);
  };
  assert.equal(deployment("dev").spec.replicas, 1);
  assert.equal(deployment("prod").spec.replicas, 3, "the overlay's replicas");
  assert.equal(deployment("prod").metadata.namespace, "echo-prod");
  assert.equal(deployment("prod").metadata.labels["app.kubernetes.io/name"], "echo", "the base's labels");
  const service = parse(readFileSync(join(dir, "out", "echo", "dev", "objects", "002-service-echo.yaml"), "utf8"));
  assert.equal(service.spec.type, "ClusterIP", "the patch ran");
  const manifest = JSON.parse(readFileSync(join(dir, "out", "echo", "prod", "bundle.json"), "utf8"));
  assert.equal(manifest.dependencies.length, 1);
  assert.equal(manifest.dependencies[0].kind, "kustomization");
  assert.equal(manifest.dependencies[0].dir, "deploy/overlays/prod");
  const paths = manifest.sources.map((s: { path: string }) => s.path);
  for (const file of ["deploy/base/deployment.yaml", "deploy/base/kustomization.yaml", "deploy/overlays/prod/kustomization.yaml"]) assert.ok(paths.includes(file), file);
});

test("a kustomization that fails shows kubectl's message at the call; a remote base is refused unrendered", { skip }, () => {
  const dir = project();
  writeFileSync(join(dir, "deploy", "base", "kustomization.yaml"), "resources:\n  - missing.yaml\n");
  const failed = runTkc(["check", dir]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /release\.k8s\.ts:12:5 error TKC2305: kubectl kustomize deploy\/base failed:\n.*missing\.yaml/);

  writeFileSync(join(dir, "deploy", "base", "kustomization.yaml"), "resources:\n  - https://github.com/example/repo//deploy?ref=v1\n");
  const remote = runTkc(["check", dir]);
  assert.equal(remote.status, 1);
  assert.match(remote.stderr, /error TKC2305: kustomization: .*deploy\/base\/kustomization\.yaml names https:\/\/github\.com\/example\/repo\/\/deploy\?ref=v1, which kustomize would fetch from the network: tkc renders only the project's own files/);
});

// kubectl kustomize fetches more than remote bases: a patch's path, a generator's file and a git
// repository in any form. A build fetched `patches: [{ path: http://... }]` and put what the server
// sent into the bundle, outside the digest's sources: a file anyone could change between builds.
test("nothing a kustomization names is fetched: patches, generators and git forms are refused before kubectl runs", { skip }, async () => {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? "");
    response.end("apiVersion: v1\nkind: Service\nmetadata:\n  name: echo\nspec:\n  type: NodePort\n");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const base = readFileSync(join(fixture, "deploy", "base", "kustomization.yaml"), "utf8");
    const remote = [
      `patches:\n  - path: ${url}/patch.yaml\n`,
      `patchesStrategicMerge:\n  - ${url}/patch.yaml\n`,
      `configMapGenerator:\n  - name: settings\n    files:\n      - app.conf=${url}/app.conf\n`,
      { resource: `git::${url}/repo.git//deploy` },
      { resource: "git@github.com:example/repo.git/deploy" },
      { resource: "github.com/example/repo/deploy" },
    ];
    for (const extra of remote) {
      const dir = project();
      const text = typeof extra === "string" ? `${base}\n${extra}` : base.replace("resources:\n", `resources:\n  - ${extra.resource}\n`);
      writeFileSync(join(dir, "deploy", "base", "kustomization.yaml"), text);
      const built = runTkc(["build", dir, "--out", join(dir, "out")]);
      assert.equal(built.status, 1, text);
      assert.match(built.stderr, /error TKC2305: kustomization: .* names .*, which kustomize would fetch from the network/, text);
    }
    // kustomize --enable-helm would pull the chart: before, kubectl's "must specify --enable-helm"
    const dir = project();
    writeFileSync(join(dir, "deploy", "base", "kustomization.yaml"), `${base}\nhelmCharts:\n  - name: redis\n    repo: ${url}/charts\n    version: 17.0.0\n`);
    const charts = runTkc(["build", dir, "--out", join(dir, "out")]);
    assert.equal(charts.status, 1);
    assert.match(charts.stderr, /error TKC2305: kustomization: .*kustomization\.yaml inflates the Helm chart "redis" \(helmCharts\), which kustomize pulls from its repository: .*helm pull --untar.*helmChart\(/);
    assert.doesNotMatch(charts.stderr, /enable-helm/);
    assert.deepEqual(requests, [], "no request reached the server");
  } finally {
    server.close();
  }
});

// tkc reads kustomization.yaml itself (for the bases it lists) before kubectl does: deep nesting
// there ran the `yaml` reader out of stack ("Maximum call stack size exceeded").
test("a kustomization.yaml nested thousands of levels deep is one clear error at the call, before kubectl runs", () => {
  const dir = project();
  writeFileSync(join(dir, "deploy", "base", "kustomization.yaml"), `resources: ${"[".repeat(6000)}${"]".repeat(6000)}\n`);
  const checked = runTkc(["check", dir]);
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stderr, /release\.k8s\.ts:12:5 error TKC2305: kustomization: .*deploy\/base\/kustomization\.yaml: it nests deeper than 400 levels \(line 1\), which tkc does not read/);
  assert.doesNotMatch(checked.stderr, /call stack|internal error/);
});
