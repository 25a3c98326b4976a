/**
 * Old against new on a shared machine: two tkc checkouts (each built) run the same workload
 * alternately, and the report has the medians of CPU time (user + system of the whole process
 * tree, from GNU time), wall time and every `TKC_TIMINGS=1` stage. CPU time is what other
 * people's load disturbs least; stage timings say where it went.
 *
 *   node --import tsx bench/compare.ts --old /tmp/tkc-old --new . --n 10 --runs 9 [--warm] [--layout stream]
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { mkdirSync, rmSync } from "node:fs";
import { BENCH_DIR, generate } from "./generate.js";
import { GNU_TIME, median, runOnce } from "./measure.js";

const { values: options } = parseArgs({
  options: {
    old: { type: "string" },
    new: { type: "string", default: "." },
    n: { type: "string", default: "10" },
    runs: { type: "string", default: "7" },
    warm: { type: "boolean", default: false },
    layout: { type: "string", default: "files" },
    "work-dir": { type: "string", default: join(BENCH_DIR, ".work") },
  },
});
const n = Number(options.n);
const runs = Number(options.runs);
if (!options.old || !GNU_TIME || !Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: node --import tsx bench/compare.ts --old DIR [--new DIR] [--n 10] [--runs 7] [--warm] [--layout files|stream] (needs GNU time)");
  process.exit(2);
}
const sides = { old: resolve(options.old), new: resolve(options.new!) };
const workload = generate(n, join(resolve(options["work-dir"]!), `compare-n${n}`));

interface Sample { cpuMs: number; wallMs: number; stages: Record<string, number> }
const samples: Record<keyof typeof sides, Sample[]> = { old: [], new: [] };

async function once(root: string, runDir: string): Promise<Sample> {
  const timeFile = join(runDir, "time.txt");
  const result = await runOnce({
    command: GNU_TIME!,
    args: ["-f", "%U %S", "-o", timeFile, process.execPath, join(root, "bin", "tkc.cjs"), "build", workload.tkc, "--out", join(runDir, "out"), "--layout", options.layout!],
    cwd: runDir,
    env: { ...process.env, TKC_CACHE_DIR: join(runDir, "cache"), TKC_TIMINGS: "1", NO_COLOR: "1" },
  });
  const [user, system] = (await import("node:fs")).readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  const line = result.stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  return { cpuMs: (user! + system!) * 1000, wallMs: result.wallMs, stages: line ? JSON.parse(line) : {} };
}

for (let round = 0; round <= runs; round++) {
  // Alternate which side goes first, so neither always runs on a warmer page cache.
  const order = (round % 2 === 0 ? ["old", "new"] : ["new", "old"]) as (keyof typeof sides)[];
  for (const side of order) {
    const runDir = join(workload.root, "runs", side);
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    let sample = await once(sides[side], runDir);
    if (options.warm) sample = await once(sides[side], runDir);
    if (round > 0) samples[side].push(sample);
  }
}
rmSync(workload.root, { recursive: true, force: true });

// A fixed order: the JSON's key order follows which stage finished first (tsc runs in parallel).
const FIRST = ["startup", "load", "typecheck", "evaluate.bundle", "evaluate.run", "evaluate"];
const rank = (name: string) => (name === "total" ? 1e9 : FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
const stageNames = [...new Set([...samples.old, ...samples.new].flatMap((s) => Object.keys(s.stages)))].sort((a, b) => rank(a) - rank(b));
const row = (side: keyof typeof sides) => {
  const list = samples[side];
  const stage = (name: string) => {
    const values = list.map((s) => s.stages[name]).filter((v): v is number => typeof v === "number");
    return values.length ? median(values).toFixed(0) : "–";
  };
  return `| ${side} | ${median(list.map((s) => s.cpuMs)).toFixed(0)} | ${median(list.map((s) => s.wallMs)).toFixed(0)} | ${stageNames.map(stage).join(" | ")} |`;
};
console.log([
  `N=${n} ${options.warm ? "warm" : "cold"} (${options.layout}), median of ${runs} alternating runs, ms (old: ${sides.old}, new: ${sides.new}):`,
  "",
  `| | cpu | wall | ${stageNames.join(" | ")} |`,
  `|---|---:|---:|${stageNames.map(() => "---:").join("|")}|`,
  row("old"),
  row("new"),
].join("\n"));
