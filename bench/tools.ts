/** The commands the benchmark times: tkc build (cold and warm), helm template and cdk8s synth. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { BENCH_DIR, NAMESPACE, RELEASE } from "./generate.js";
import { runOnce, type RunResult } from "./measure.js";
import type { Peers } from "./peers.js";

export const REPO = dirname(BENCH_DIR);
export const TKC_CLI = join(REPO, "bin", "tkc.cjs");

export function checkTkcBuilt(): void {
  if (!existsSync(join(REPO, "dist", "tkc.cjs"))) {
    console.error(`bench: ${join(REPO, "dist", "tkc.cjs")} is missing; run \`npm run build\` in ${REPO} first`);
    process.exit(2);
  }
}

/** sha256 of dist/tkc.cjs: the benchmark notes when the compiler was rebuilt while it ran. */
export function tkcBuildId(): string {
  return createHash("sha256").update(readFileSync(join(REPO, "dist", "tkc.cjs"))).digest("hex").slice(0, 12);
}

export interface MeasureOptions {
  readonly gnuTime?: boolean;
  readonly sample?: boolean;
}

export interface TkcResult extends RunResult {
  /** Stage timings the CLI prints to stderr with TKC_TIMINGS=1. */
  readonly stages: Record<string, number>;
  /** The CLI said the bundle was unchanged (the warm path). */
  readonly unchanged: boolean;
}

function parseStages(stderr: string): Record<string, number> {
  for (const line of stderr.trim().split("\n").reverse()) {
    if (!line.startsWith("{")) continue;
    try {
      return JSON.parse(line) as Record<string, number>;
    } catch {
      // not the timings line
    }
  }
  return {};
}

/**
 * `tkc build <project> --out <dir>` with its cache in `<dir>/../cache`; `fresh` wipes both first
 * (a cold build), otherwise they are reused (a warm build: same inputs, cache and bundle present).
 */
export async function tkcBuild(project: string, runDir: string, fresh: boolean, options: MeasureOptions, layout: "files" | "stream" = "files"): Promise<TkcResult> {
  const cache = join(runDir, "cache"); // TKC_CACHE_DIR must be absolute (a relative one is resolved against the project)
  const out = join(runDir, "out");
  if (fresh) {
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
  }
  const result = await runOnce(
    {
      command: process.execPath,
      args: [TKC_CLI, "build", project, "--out", out, ...(layout === "files" ? [] : ["--layout", layout])],
      cwd: runDir,
      env: { ...process.env, TKC_CACHE_DIR: cache, TKC_TIMINGS: "1", NO_COLOR: "1" },
    },
    options,
  );
  return { ...result, stages: parseStages(result.stderr), unchanged: /\bunchanged\b/.test(result.stdout) };
}

export function tkcBundleDir(runDir: string): string {
  return join(runDir, "out", RELEASE, NAMESPACE);
}

/** `helm template bench <chart> --namespace bench > <outFile>`. */
export async function helmTemplate(peers: Peers, chart: string, outFile: string, options: MeasureOptions): Promise<RunResult> {
  const home = join(dirname(peers.helm), "..", "helm-home");
  return runOnce(
    {
      command: peers.helm,
      args: ["template", RELEASE, chart, "--namespace", NAMESPACE],
      cwd: dirname(outFile),
      stdoutFile: outFile,
      env: { ...process.env, HELM_CACHE_HOME: join(home, "cache"), HELM_CONFIG_HOME: join(home, "config"), HELM_DATA_HOME: join(home, "data") },
    },
    options,
  );
}

/** `cdk8s synth` (the CLI, without its npm upgrade check) in the app directory; writes dist/bench.k8s.yaml. */
export async function cdk8sSynth(peers: Peers, appDir: string, options: MeasureOptions): Promise<RunResult> {
  return runOnce({ command: process.execPath, args: [peers.cdk8sCli, "synth", "--no-check-upgrade"], cwd: appDir, env: { ...process.env, NO_COLOR: "1" } }, options);
}

export function cdk8sOutput(appDir: string): string {
  return join(appDir, "dist", `${RELEASE}.k8s.yaml`);
}

/** `node -e 0`: Node's own start-up, the floor under any command written in JavaScript. */
export async function nodeFloor(options: MeasureOptions): Promise<RunResult> {
  return runOnce({ command: process.execPath, args: ["-e", "0"] }, options);
}

/** The real-world corpus beside the repository (../shared/realworld), if present. */
export const REALWORLD_DIR = join(REPO, "..", "shared", "realworld");

/**
 * `tkc validate <corpus>/` in one call, with `tkc` from `root` (this checkout by default). The
 * corpus holds objects a real API server rejects too (known-invalid.txt), so exit 1 is expected.
 */
export async function tkcValidateCorpus(corpus: string, options: MeasureOptions, root: string = REPO): Promise<RunResult & { readonly summary: string }> {
  const result = await runOnce(
    { command: process.execPath, args: [join(root, "bin", "tkc.cjs"), "validate", corpus + "/"], cwd: dirname(corpus), env: { ...process.env, NO_COLOR: "1" }, okCodes: [0, 1] },
    options,
  );
  // The last line: "661 errors, 165 warnings" (or "... ok").
  const summary = `${result.stdout}\n${result.stderr}`.trim().split("\n").filter((l) => /\b(errors?|warnings?|ok)\b/.test(l)).at(-1) ?? "";
  return { ...result, summary };
}
