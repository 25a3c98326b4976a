import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { typecheckFiles } from "./helpers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

it("built-in CRD types type-check strictly and reject wrong values", () => {
  typecheckFiles([join(root, "test/crd/fixtures/types-check.ts")]);
});
