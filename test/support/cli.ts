import { spawn, spawnSync } from "node:child_process";
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

/** The same run without blocking the event loop, for tests that run concurrently. */
export function spawnTkc(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-"), ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => void (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
  return new Promise((done, failed) => {
    child.on("error", failed);
    child.on("close", (status) => done({ status: status ?? -1, stdout, stderr }));
  });
}

/**
 * Run tkc's `main` in this process, from the sources (not dist/), with its output captured and no
 * colour. It runs in process.cwd(), and the stages read their TKC_* settings from process.env: set
 * those once per test file.
 */
export async function runTkcInProcess(args: readonly string[]): Promise<CliResult> {
  const { main } = await import("../../compiler/cli/main.js");
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    env: { ...process.env, NO_COLOR: "1" },
    stdout: { write: (text: string) => void (stdout += text) },
    stderr: { write: (text: string) => void (stderr += text) },
  });
  return { status, stdout, stderr };
}

export function tempDir(prefix = "tkc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
