import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
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

it("inputs/crds holds exactly the upstream files its README records (sha256 of each)", () => {
  const dir = join(root, "inputs", "crds");
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const recorded = new Map([...readme.matchAll(/^\| `crds\/([^`]+\.yaml)` \|.*`([0-9a-f]{64})` \|$/gm)].map((m) => [m[1]!, m[2]!]));
  const present = filesUnder(dir).map((f) => relative(dir, f).split("\\").join("/")).filter((f) => f.endsWith(".yaml")).sort();
  assert.deepEqual(present, [...recorded.keys()].sort(), "inputs/crds and the table in its README list different files");
  for (const [file, sha256] of recorded) assert.equal(createHash("sha256").update(readFileSync(join(dir, file))).digest("hex"), sha256, `inputs/crds/${file} is not the recorded upstream file`);
});
