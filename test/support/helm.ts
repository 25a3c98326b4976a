import { existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { repoRoot } from "./cli.js";

/**
 * Where the tests install Helm: `.ci/run` puts the binary of the npm package bench/ uses there
 * (bench/peers.ts ensureHelm), so tests never need the network.
 */
export const TEST_TOOLS = join(repoRoot, ".ci", "tools");

/** A real helm binary for the tests: TKC_HELM, the one .ci/run installed, or `helm` on PATH. */
export function testHelm(): string | undefined {
  const candidates = [process.env.TKC_HELM, join(TEST_TOOLS, "bin", "helm"), ...(process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, "helm"))];
  return candidates.find((file): file is string => file !== undefined && file !== "" && existsSync(file) && statSync(file).isFile());
}

export const NO_HELM = "no helm binary: set TKC_HELM, put helm on PATH, or run `node --import tsx scripts/install-test-helm.ts` (what .ci/run does)";
