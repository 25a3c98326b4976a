import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./cli.js";

/**
 * The pattern examples: each pattern folder's `example/<pattern>.k8s.ts`
 * (stdlib/patterns/<family>/<pattern>/, see docs/patterns.md), sorted by path.
 */
export function patternExamples(): { dirs: string[]; files: string[] } {
  const patternsDir = join(repoRoot, "stdlib", "patterns");
  const dirs = readdirSync(patternsDir, { withFileTypes: true })
    .filter((family) => family.isDirectory())
    .flatMap((family) => readdirSync(join(patternsDir, family.name)).map((pattern) => join(patternsDir, family.name, pattern, "example")))
    .filter((dir) => existsSync(dir))
    .sort();
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".k8s.ts")).map((file) => join(dir, file)));
  return { dirs, files };
}
