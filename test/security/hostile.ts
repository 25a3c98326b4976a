import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir, type CliResult } from "../support/cli.js";

/** Planted in the environment of every hostile build: it must never appear in anything tkc prints or writes. */
export const SECRET = "tkc-red-team-secret-5d1f0c";

/**
 * A one-file project: `setup` runs at module level, `components` is the release's component list.
 * Descriptors may declare `require`, `module` and `exports` as any, as a hostile one would.
 */
export function hostileProject(setup: string, components = `configMap({ name: "c", data: { a: "1" } })`): string {
  const dir = tempDir("tkc-red-team-");
  mkdirSync(dir, { recursive: true });
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

/** `tkc check` on a hostile project, with the secret in tkc's own environment. */
export function checkHostile(dir: string, env: Record<string, string> = {}): CliResult {
  return runTkc(["check", dir], { env: { TKC_RED_TEAM_SECRET: SECRET, TKC_EVAL_TIMEOUT_MS: "1000", TKC_EVAL_MEMORY_MB: "512", ...env } });
}

/** The first diagnostic line without the temp directory: `release.k8s.ts:3:5 error TKC2010: ...`. */
export function firstError(result: CliResult, dir: string): string {
  const line = result.stderr.split("\n").find((l) => / error /.test(l)) ?? `<no error; exit ${result.status}>\n${result.stderr}`;
  return line.split(`${dir}/`).join("");
}
