import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under a directory, relative path -> content, sorted. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return out;
}

/** Kept for older imports; compare goldens with assertGoldenFile/assertGoldenTree from ./golden.js. */
export { updateGoldens } from "./golden.js";

/** The bundles of a release's output, without its history (revision records hold a time and a commit). */
export function bundlesOnly(tree: Map<string, string>): Map<string, string> {
  return new Map([...tree].filter(([path]) => !path.startsWith("history/")));
}
