import { displayPath } from "../../compiler/diagnostics/render.js";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir, type CliResult } from "../support/cli.js";

/** Planted in the environment of every hostile build: it must never appear in anything tkc prints or writes. */
export const SECRET = "tkc-red-team-secret-5d1f0c";

/**
 * A one-file project: `setup` runs at module level, `components` is the release's component list.
 * Descriptors declare `require`, `module` and `exports` as any, as a hostile one would.
 */
export function hostileProject(setup: string, components = `configMap({ name: "c", data: { a: "1" } })`): string {
  const dir = tempDir("tkc-red-team-");
  writeFileSync(
    join(dir, "release.k8s.ts"),
    [
      `import { release, configMap, raw, forEnv, defineComponent } from "tkc";`,
      `declare const require: any, module: any, exports: any;`,
      setup,
      `export default release({ name: "rt", version: "1.0.0", environments: { dev: { namespace: "rt" } }, components: [${components}] });`,
      "",
    ].join("\n"),
  );
  return dir;
}

/** Run the real tkc binary, asynchronously (cases run side by side), with the secret in its environment. */
export function runHostile(args: readonly string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-"), TKC_RED_TEAM_SECRET: SECRET, TKC_EVAL_TIMEOUT_MS: "1000", TKC_EVAL_MEMORY_MB: "512", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

/**
 * The error lines of a run, with the project directory taken out: `release.k8s.ts:3:5 error TKC2010: ...`.
 * The directory is taken out as written and as the renderer shows it from `cwd` (relative when the
 * clone is near the temp folder, e.g. ../../tkc-red-team-x/ from /tmp/ci/repo).
 */
export function errorLines(result: CliResult, dir: string, cwd = repoRoot): string[] {
  const shown = displayPath(join(dir, "x"), cwd).slice(0, -1);
  return result.stderr
    .split("\n")
    .filter((line) => / error [A-Z]+\d+: /.test(line))
    // the relative form first: it ends in the absolute one (../../tmp/x/ holds /tmp/x/)
    .map((line) => line.split(shown).join("").split(`${dir}/`).join(""));
}
