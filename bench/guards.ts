/**
 * Speed of the guards that used to carry wall-clock asserts in unit tests (a limit there fails on
 * a loaded machine, not on slow code). Run by hand: `node --import tsx bench/guards.ts`.
 * Prints the median of 7 runs next to the budget each guard was held to.
 */
import { performance } from "node:perf_hooks";
import { readKubernetesYaml } from "../compiler/load/yaml/read.js";
import { validateSchemas } from "../compiler/validate/schema/index.js";
import { serviceMonitor, sourced, vpa } from "../test/crd/helpers.js";

function medianMs(run: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
for (let i = 1; i < 10; i++) bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]\n`;
const resources = Array.from({ length: 2500 }, (_, i) => sourced(i % 2 ? serviceMonitor({ port: `p${i}` }) : vpa("Auto")));
validateSchemas(resources.slice(0, 2), "1.36"); // load the validators

const rows: [string, number, number][] = [
  ["billion-laughs YAML refused", medianMs(() => readKubernetesYaml("bomb.yaml", bomb)), 200],
  ["2,500 custom resources validated", medianMs(() => validateSchemas(resources, "1.36")), 500],
];
for (const [what, ms, budget] of rows) console.log(`${what.padEnd(36)} ${ms.toFixed(1).padStart(8)} ms  (budget ${budget} ms)${ms > budget ? "  OVER" : ""}`);
