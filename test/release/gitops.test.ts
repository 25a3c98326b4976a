import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
