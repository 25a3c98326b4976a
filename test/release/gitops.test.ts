import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { runTkc, tempDir } from "../support/cli.js";

const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });

test("a bundle is a kustomize base: kubectl kustomize yields exactly its objects", { skip: kubectl.status !== 0 && "kubectl is not installed" }, () => {
  const out = tempDir();
  for (const layout of ["files", "stream"]) {
    const result = runTkc(["build", "examples/shop", "--env", "prod", "--out", join(out, layout), "--layout", layout]);
    assert.equal(result.status, 0, result.stderr);
    const dir = join(out, layout, "shop", "prod");
    const rendered = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
    assert.equal(rendered.status, 0, rendered.stderr);
    const identities = parseAllDocuments(rendered.stdout).map((doc) => {
      const o = doc.toJS();
      return `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;
    });
    const manifest = JSON.parse(readFileSync(join(dir, "bundle.json"), "utf8"));
    const expected = manifest.objects.map((o: { kind: string; namespace?: string; name: string }) => `${o.kind}/${o.namespace ?? ""}/${o.name}`);
    assert.deepEqual([...identities].sort(), [...expected].sort(), layout);
  }
});

test("objects/ holds only Kubernetes objects: every file `kubectl apply -f <env>/objects` reads is one", () => {
  const out = tempDir();
  for (const layout of ["files", "stream"]) {
    const result = runTkc(["build", "examples/shop", "--env", "prod", "--out", join(out, layout), "--layout", layout]);
    assert.equal(result.status, 0, result.stderr);
    const dir = join(out, layout, "shop", "prod");
    assert.deepEqual(readdirSync(dir).sort(), ["bundle.json", "kustomization.yaml", "objects"], "the environment folder: a kustomize base with bundle.json beside it");
    const objects = join(dir, "objects");
    const manifest = JSON.parse(readFileSync(join(dir, "bundle.json"), "utf8"));
    let documents = 0;
    // kubectl -f DIR reads every .json, .yaml and .yml file in it
    for (const name of readdirSync(objects)) {
      assert.match(name, /\.yaml$/, name);
      for (const doc of parseAllDocuments(readFileSync(join(objects, name), "utf8"))) {
        const o = doc.toJS();
        assert.ok(typeof o.apiVersion === "string" && typeof o.kind === "string" && o.metadata?.name, `${name} holds a Kubernetes object`);
        assert.ok(!o.apiVersion.startsWith("tkc.dev/") && !o.apiVersion.startsWith("kustomize.config.k8s.io/"), name);
        documents++;
      }
    }
    assert.equal(documents, manifest.objects.length, layout);
  }
});
