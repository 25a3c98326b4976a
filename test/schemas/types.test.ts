import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

it("generated types type-check strictly, with literal GVKs and no index signatures", () => {
  const tsc = join(root, "node_modules", ".bin", "tsc");
  const args = ["--ignoreConfig", "--noEmit", "--strict", "--module", "nodenext", "--target", "es2022", "--skipLibCheck", join(root, "test/schemas/fixtures/types-check.ts")];
  try {
    execFileSync(tsc, args, { cwd: root, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc failed:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
});
