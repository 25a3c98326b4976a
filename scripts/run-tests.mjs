// Runs every *.test.ts under test/ and stdlib/ (each pattern's unit tests sit in its folder,
// stdlib/patterns/<family>/<pattern>/) with node's test runner (Node 20 has no glob for --test).
// `node scripts/run-tests.mjs [substring-of-test-path ...] [--node-test-option ...]`: arguments
// starting with "--" go to `node --test` (e.g. --test-reporter=spec), the others select files.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith(".test.ts")) files.push(relative(root, full));
  }
};
walk(join(root, "test"));
walk(join(root, "stdlib"));
// The longest files start first (measured: tens of seconds each), so the two slots finish
// together instead of one long file running alone at the end; the rest in path order.
const LONGEST_FIRST = [
  "test/realworld/corpus.test.ts",
  "test/package/tarball.test.ts",
  "test/golden/patterns.test.ts",
  "test/release/cycle.test.ts",
  "test/release/crash-safety.test.ts",
  "test/docs/commands.test.ts",
  "test/errors/error-cases.test.ts",
];
const rank = (file) => (LONGEST_FIRST.includes(file) ? LONGEST_FIRST.indexOf(file) : LONGEST_FIRST.length);
files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith("--"));
const filter = args.filter((a) => !a.startsWith("--"));
const selected = filter.length ? files.filter((f) => filter.some((p) => f.includes(p))) : files;
// The pattern folders' unit tests are small: starting node and tsx and loading the stdlib once
// per file costs more than they do, so they share one process (test/support/stdlib-tests.ts).
const units = selected.filter((f) => f.startsWith("stdlib/"));
const run = units.length > 1 ? [...selected.filter((f) => !f.startsWith("stdlib/")), "test/support/stdlib-tests.ts"] : selected;
const env = { ...process.env, TKC_STDLIB_TESTS: units.join("\n") };
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...options, ...run], { cwd: root, stdio: "inherit", env });
process.exit(result.status ?? 1);
