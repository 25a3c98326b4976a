// The unit tests of the pattern folders (stdlib/**/*.test.ts), in one process: scripts/run-tests.mjs
// passes their paths in TKC_STDLIB_TESTS (one a line, relative to the repository) and runs this file.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./cli.js";

for (const file of (process.env.TKC_STDLIB_TESTS ?? "").split("\n").filter(Boolean)) {
  await import(pathToFileURL(join(repoRoot, file)).href);
}
