import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { supportedKubeVersions } from "../../schemas/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

it("npm run gen:schemas reproduces the committed schemas byte for byte", () => {
  const out = mkdtempSync(join(tmpdir(), "tkc-schemas-"));
  try {
    execFileSync(process.execPath, ["--import", "tsx", join(root, "schemas/generator/main.ts"), "--out", out], { cwd: root, stdio: "pipe" });
    const committed = join(root, "schemas");
    const files = ["api-versions.json", ...supportedKubeVersions.flatMap((v) => readdirSync(join(out, `v${v}`)).map((f) => `v${v}/${f}`))];
    assert.ok(files.length >= 13);
    for (const file of files) {
      const fresh = readFileSync(join(out, file));
      assert.ok(statSync(join(committed, file)).size < 5 * 1024 * 1024, `${file} is over 5 MB`);
      assert.ok(fresh.equals(readFileSync(join(committed, file))), `schemas/${file} differs from a fresh generation; run npm run gen:schemas`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it("inputs/k8s-openapi holds the upstream specs its README records (sha256 of each uncompressed file)", () => {
  const readme = readFileSync(join(root, "inputs/k8s-openapi/README.md"), "utf8");
  for (const version of supportedKubeVersions) {
    const row = readme.split("\n").find((line) => line.startsWith(`| \`k8s-openapi/v${version}/swagger.json\``));
    const recorded = row?.match(/`([0-9a-f]{64})`/)?.[1];
    assert.ok(recorded, `inputs/k8s-openapi/README.md records no sha256 for ${version}`);
    const bytes = gunzipSync(readFileSync(join(root, `inputs/k8s-openapi/v${version}/swagger.json.gz`)));
    assert.equal(createHash("sha256").update(bytes).digest("hex"), recorded, `inputs/k8s-openapi/v${version}/swagger.json.gz is not the recorded upstream file`);
  }
});
