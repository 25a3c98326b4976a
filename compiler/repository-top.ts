import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The nearest folder at or above `from` holding a `.git` (a folder, or a worktree's file): where
 * paths in CI annotations and SARIF are relative to, and where a .gitattributes pattern with a
 * slash is anchored. Found without running git.
 */
export function repositoryTop(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
