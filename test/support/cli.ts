import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the real `tkc` binary (dist/ bundle), without colour, with its own cache directory. */
export function runTkc(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-"), ...options.env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = "tkc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
