/**
 * tkc's per-stage timings (what `TKC_TIMINGS=1` prints to stderr) for one generated workload,
 * cold (fresh cache and output) and warm, as medians over several runs:
 *
 *   npm run build && node --import tsx bench/stages.ts            # N=500, 5 runs
 *   node --import tsx bench/stages.ts --n 100 --runs 9
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import { BENCH_DIR, generate } from "./generate.js";
import { median } from "./measure.js";
import { checkTkcBuilt, tkcBuild, type TkcResult } from "./tools.js";

const { values: options } = parseArgs({
  options: {
    n: { type: "string", default: "500" },
    runs: { type: "string", default: "5" },
    "work-dir": { type: "string", default: join(BENCH_DIR, ".work") },
  },
});
const n = Number(options.n);
const runs = Number(options.runs);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: node --import tsx bench/stages.ts [--n 500] [--runs 5] [--work-dir DIR]");
  process.exit(2);
}
checkTkcBuilt();

const workload = generate(n, join(resolve(options["work-dir"]!), `stages-n${n}`));
const cold: TkcResult[] = [];
const warm: TkcResult[] = [];
// One discarded round first (file system and page cache), then the measured ones.
for (let round = 0; round <= runs; round++) {
  const runDir = join(workload.root, "runs", `run-${round}`);
  const c = await tkcBuild(workload.tkc, runDir, true, {});
  const w = await tkcBuild(workload.tkc, runDir, false, {});
  rmSync(runDir, { recursive: true, force: true });
  if (round === 0) continue;
  cold.push(c);
  warm.push(w);
  console.error(`stages: run ${round}/${runs}: cold ${c.wallMs.toFixed(0)} ms (${JSON.stringify(c.stages)}), warm ${w.wallMs.toFixed(0)} ms`);
}
rmSync(workload.root, { recursive: true, force: true });

const stageNames = [...new Set([...cold, ...warm].flatMap((r) => Object.keys(r.stages)))];
const stageMedian = (results: readonly TkcResult[], stage: string) => {
  const values = results.map((r) => r.stages[stage]).filter((v): v is number => typeof v === "number");
  return values.length ? median(values).toFixed(1) : "–";
};
const lines = [
  `tkc stage timings at N=${n} (${5 * n + 2} objects), median of ${runs} runs, ms:`,
  "",
  `| build | ${stageNames.join(" | ")} | process wall |`,
  `|---|${stageNames.map(() => "---:").join("|")}|---:|`,
  `| cold | ${stageNames.map((s) => stageMedian(cold, s)).join(" | ")} | ${median(cold.map((r) => r.wallMs)).toFixed(0)} |`,
  `| warm | ${stageNames.map((s) => stageMedian(warm, s)).join(" | ")} | ${median(warm.map((r) => r.wallMs)).toFixed(0)} |`,
  "",
  "typecheck (the native tsc, a child process) runs in parallel with evaluate; both are timed from the",
  "same start, so the stages do not add up to total. 'process wall' includes node's start-up and",
  "loading dist/tkc.cjs, which the in-process 'total' does not.",
];
console.log(lines.join("\n"));
