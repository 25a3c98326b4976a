import { performance } from "node:perf_hooks";
import { warmFront } from "../build-front.js";
import type { StageContext } from "../model/stage.js";
import type { Layout } from "../model/bundle.js";
import { commaList } from "./lists.js";
import { processIo, type CliIo } from "./output.js";
import { summaryLine } from "./summary-line.js";
import { environmentProblems } from "./environment-problems.js";

/**
 * `tkc build`'s fast path, bundled on its own (dist/warm.cjs) so that a build with nothing to do
 * loads only the front of the pipeline, not the whole compiler (dist/tkc.cjs). It answers only
 * the plain forms (`build [project] [--out DIR] [--env E] [--layout L]`) and only when the
 * warm check holds; anything else returns undefined and the full CLI runs as if this never had,
 * printing exactly what it prints for the same warm build.
 */
export function warmMain(argv: readonly string[], io: CliIo = processIo()): number | undefined {
  const args = plainBuildArgs(argv);
  // A setting the environment gets wrong is reported by the full CLI, as for a build with work to do.
  if (!args || environmentProblems(io.env, "build").length > 0) return undefined;
  const ctx: StageContext = { timings: { startup: Math.round(performance.now()) }, read: new Map(), log: () => undefined };
  const started = performance.now();
  const warm = warmFront({ target: args.project, environments: args.environments, outDir: args.out, layout: args.layout, write: true, supply: () => ({ values: [], diagnostics: [] }) }, ctx);
  const release = warm?.[0]?.manifest.release;
  if (!warm || release === undefined) return undefined;
  for (const built of warm) io.stdout.write(summaryLine(release, built) + "\n");
  // "front" says the fast path answered (the full CLI's warm builds report no such stage).
  ctx.timings.front = ctx.timings.total = Math.round((performance.now() - started) * 10) / 10;
  if (io.env.TKC_TIMINGS) io.stderr.write(JSON.stringify(ctx.timings) + "\n");
  return 0;
}

interface PlainBuildArgs {
  readonly project: string;
  readonly out?: string;
  readonly environments?: string[];
  readonly layout: Layout;
}

/** The arguments of a plain `tkc build`, read as yargs reads them; undefined for any other form. */
export function plainBuildArgs(argv: readonly string[]): PlainBuildArgs | undefined {
  if (argv[0] !== "build") return undefined;
  let project: string | undefined;
  let out: string | undefined;
  let layout: Layout = "files";
  const envs: string[] = [];
  const isValue = (value: string | undefined): value is string => value !== undefined && value !== "" && !value.startsWith("-");
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (!arg.startsWith("-")) {
      if (project !== undefined) return undefined;
      project = arg;
    } else if (name === "--out" || name === "-o") {
      const v = value();
      if (!isValue(v) || out !== undefined) return undefined;
      out = v;
    } else if (name === "--env" || name === "-e") {
      const v = value();
      if (!isValue(v)) return undefined;
      envs.push(v);
    } else if (name === "--layout") {
      const v = value();
      if (v !== "files" && v !== "stream") return undefined;
      layout = v;
    } else return undefined;
  }
  const environments = envs.length > 0 ? commaList(envs) : undefined;
  if (environments !== undefined && environments.length === 0) return undefined;
  return { project: project ?? ".", ...(out !== undefined ? { out } : {}), ...(environments ? { environments } : {}), layout };
}
