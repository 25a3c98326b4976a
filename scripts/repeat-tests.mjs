// `node scripts/repeat-tests.mjs N [substring-of-test-path ...]` (npm run test:repeat -- N):
// builds once, then runs the suite (or the selected files) N times in a row and reports the
// failing tests of every run, with each run's wall time and CPU time (the tests' processes and
// everything they started). Exits non-zero if any run failed: a flaky test shows up as a test
// that fails in some runs only.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const [count, ...filters] = process.argv.slice(2);
const runs = Number(count);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: node scripts/repeat-tests.mjs N [substring-of-test-path ...]");
  process.exit(2);
}

// CPU seconds of this process's waited-for children (Linux /proc; undefined elsewhere)
const childrenCpu = () => {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
};

const built = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "--if-changed"], { cwd: root, stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const summary = [];
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const result = spawnSync(process.execPath, [join(root, "scripts/run-tests.mjs"), "--test-reporter=tap", ...filters], {
    cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"],
  });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpu();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? "" : `, CPU ${(cpuAfter - cpuBefore).toFixed(0)} s`;
  const failures = failedTests(result.stdout);
  const count = (name) => result.stdout.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? "?";
  const ok = result.status === 0 && failures.length === 0;
  summary.push({ run, ok, failures });
  console.log(`run ${run}/${runs}: ${ok ? "passed" : "FAILED"} (${count("pass")} passed, ${count("fail")} failed, ${count("cancelled")} cancelled) in ${wall.toFixed(0)} s${cpu}`);
  for (const failure of failures) console.log(`  not ok: ${failure}`);
  if (!ok && failures.length === 0) console.log(`  the test runner exited with ${result.status ?? result.signal}:\n${result.stdout.slice(-4000)}`);
}
const failedRuns = summary.filter((s) => !s.ok);
console.log(`${runs - failedRuns.length} of ${runs} runs passed`);
process.exit(failedRuns.length === 0 ? 0 : 1);

/** The failing tests of a TAP report, innermost names with their file (`location`). */
function failedTests(tap) {
  const lines = tap.split("\n");
  const failed = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!match) continue;
    // a suite fails with its tests: report the tests only
    const [, indent, name] = match;
    const next = lines.slice(i + 1, i + 40);
    const end = next.findIndex((line) => line.startsWith(`${indent}  ...`));
    const diagnostics = next.slice(0, end < 0 ? next.length : end);
    if (diagnostics.some((line) => /failureType: 'subtestsFailed'/.test(line))) continue;
    const location = diagnostics.map((line) => /location: '(.*)'/.exec(line)?.[1]).find(Boolean);
    const error = diagnostics.map((line) => /^\s*error: [|>]?-?\s*'?(.*?)'?$/.exec(line)?.[1]).find((text) => text !== undefined);
    failed.push(`${name}${location ? ` (${location.replace(`${root}/`, "")})` : ""}${error ? `: ${error.slice(0, 200)}` : ""}`);
  }
  return failed;
}
