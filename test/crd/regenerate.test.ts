import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

it("npm run gen:crds reproduces schemas/crds byte for byte", () => {
  const out = mkdtempSync(join(tmpdir(), "tkc-crds-"));
  try {
    execFileSync(process.execPath, ["--import", "tsx", join(root, "compiler/crd/main.ts"), "--out", out], { cwd: root, stdio: "pipe" });
    const fresh = filesUnder(out).map((f) => relative(out, f)).sort();
    const committedDir = join(root, "schemas", "crds");
    const committed = filesUnder(committedDir).map((f) => relative(committedDir, f)).filter((f) => f !== "index.ts").sort();
    assert.deepEqual(fresh, committed, "the generated file list differs from schemas/crds; run npm run gen:crds");
    assert.ok(fresh.length >= 38);
    for (const file of fresh) {
      assert.ok(statSync(join(committedDir, file)).size < 5 * 1024 * 1024, `${file} is over 5 MB`);
      assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(committedDir, file))), `schemas/crds/${file} differs from a fresh generation; run npm run gen:crds`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
