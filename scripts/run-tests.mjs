// Runs every *.test.ts under test/ and stdlib/ (each pattern's unit tests sit in its folder,
// stdlib/patterns/<family>/<pattern>/) with node's test runner (Node 20 has no glob for --test).
// `node scripts/run-tests.mjs [substring-of-test-path ...] [--node-test-option ...]`: arguments
// starting with "--" go to `node --test` (e.g. --test-reporter=spec), the others select files.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { testBundleDir, testBundles } from "./test-bundles.mjs";

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
// The longest files start first (measured per process, in seconds, on the 2-core VM), so the two
// slots finish together instead of one long file running alone at the end; the rest in path order.
// `node --test` sorts the files it is given by path, so the order is carried by the names of the
// entry files that import the bundles (see `ordered` below).
const LONGEST_FIRST = [
  "test/errors/error-cases.test.ts", // 16.8
  "test/package/tarball.test.ts", // 13.7
  "test/golden/patterns.test.ts", // 12.5
  "test/expand/field-origins.test.ts", // 11.8
  "test/docs/commands.test.ts", // 11.8
  "test/yaml/simple-reader.test.ts", // 10.9
  "test/cli/validate-hostile.test.ts", // 9.5
  "test/realworld/corpus.test.ts", // 9.0
  "test/release/cycle.test.ts", // 7.9
  "test/release/crash-safety.test.ts", // 7.7
  "in-one-process", // 6.1: the files of IN_ONE_PROCESS together
  "test/security/limits.test.ts", // 4.7
  "test/oci/registry.test.ts", // 4.7
  "test/security/containment.test.ts", // 4.3
  "test/import-yaml/import-realworld.test.ts", // 4.2
  "test/cli/build.test.ts", // 4.2
];
// Files that only call the compiler's functions (no processes of their own, no change to the
// process's environment, working directory or handlers) share one process: each on its own paid
// ~0.3 CPU-s to start node and load its bundle (measured on 29 of them: 16.6 -> 8.3 CPU-s). A file
// not listed runs on its own, which is always safe.
const IN_ONE_PROCESS = [
  "test/crd/builtin.test.ts", "test/crd/schema-defaults.test.ts", "test/crd/types.test.ts", "test/crd/validators.test.ts",
  "test/diagnostics/source-line.test.ts", "test/diff/diff-bundles.test.ts", "test/evaluate/lines.test.ts", "test/expand/literal-scanner.test.ts", "test/patterns/failed-values.test.ts",
  "test/schemas/enums.test.ts", "test/schemas/one-report.test.ts", "test/schemas/shared-subschemas.test.ts", "test/schemas/validate.test.ts",
  "test/security/bad-data.test.ts", "test/syntax/syntax.test.ts", "test/yaml/nesting.test.ts", "test/yaml/read.test.ts", "test/yaml/yaml-writer.test.ts",
  "test/semantic/autoscaling-policy.test.ts", "test/semantic/config.test.ts", "test/semantic/cron-jobs.test.ts",
  "test/semantic/cross-object.test.ts", "test/semantic/docs.test.ts", "test/semantic/names-labels.test.ts",
  "test/semantic/object-server-rules.test.ts", "test/semantic/pod-server-rules.test.ts", "test/semantic/pod.test.ts",
  "test/semantic/quantity.test.ts", "test/semantic/robustness.test.ts", "test/semantic/server-defaults.test.ts",
  "test/semantic/services-ingress.test.ts", "test/semantic/valid-bundle.test.ts",
  "test/semantic/workload-server-rules.test.ts", "test/semantic/workloads.test.ts",
];
const rank = (file) => (LONGEST_FIRST.includes(file) ? LONGEST_FIRST.indexOf(file) : LONGEST_FIRST.length);
files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith("--"));
const filter = args.filter((a) => !a.startsWith("--"));
const selected = filter.length ? files.filter((f) => filter.some((p) => f.includes(p))) : files;
// The pattern folders' unit tests are small: starting node and loading the stdlib once per file
// costs more than they do, so a run of all of them shares one process (one bundle of them all,
// or test/support/stdlib-tests.ts from the sources).
const units = selected.filter((f) => f.startsWith("stdlib/"));
const allUnits = files.filter((f) => f.startsWith("stdlib/"));
const together = units.length > 1;
// Bundled (see test-bundles.mjs) unless TKC_TEST_SOURCES=1: then from the sources under tsx, whose
// stack traces point into the .ts files.
const fromSources = process.env.TKC_TEST_SOURCES === "1";
// What runs, each with the source it stands for (its place in the run is ranked by that).
let runnable;
if (fromSources) {
  const files = together ? [...selected.filter((f) => !f.startsWith("stdlib/")), "test/support/stdlib-tests.ts"] : selected;
  runnable = files.map((file) => ({ source: file, run: file }));
} else {
  // All files are bundled (one esbuild run, ~2 s, reused until an input changes), whichever run.
  const { bundles, unitsBundle } = await testBundles(root, files, allUnits);
  const bundleOf = (file) => bundles[files.indexOf(file)];
  const unitRuns = together && units.length === allUnits.length ? [{ source: "stdlib unit tests", run: unitsBundle }] : units.map((f) => ({ source: f, run: bundleOf(f) }));
  // The listed files among the selected ones run from one entry that imports their bundles.
  const shared = selected.filter((f) => IN_ONE_PROCESS.includes(f));
  const sharedRuns = [];
  if (shared.length > 1) {
    const entry = join(root, testBundleDir(root), "in-one-process.mjs");
    writeFileSync(entry, shared.map((f) => `import ${JSON.stringify(bundleOf(f))};`).join("\n") + "\n");
    sharedRuns.push({ source: "in-one-process", run: entry });
  }
  const alone = selected.filter((f) => !f.startsWith("stdlib/") && !(shared.length > 1 && shared.includes(f)));
  runnable = [...alone.map((f) => ({ source: f, run: bundleOf(f) })), ...sharedRuns, ...unitRuns];
  process.stderr.write(`tests run bundled from ${testBundleDir(root)}/ (TKC_TEST_SOURCES=1 runs the .ts files with tsx)\n`);
}
const loader = fromSources ? ["--import", "tsx"] : [];
// node --test runs its files in path order, whatever order they are given in: each runnable gets
// an entry named by its place in the run (longest first), which only imports it.
const orderDir = join(root, testBundleDir(root), "order");
rmSync(orderDir, { recursive: true, force: true });
mkdirSync(orderDir, { recursive: true });
const ordered = [...runnable]
  .sort((a, b) => rank(a.source) - rank(b.source))
  .map(({ source, run }, index) => {
    const entry = join(orderDir, `${String(index).padStart(3, "0")}-${source.replace(/[\/ ]/g, "_").replace(/\.ts$/, "")}.mjs`);
    writeFileSync(entry, `import ${JSON.stringify(pathToFileURL(resolve(root, run)).href)};\n`);
    return entry;
  });
// The tests' temporary folders (a few thousand per run) go into one folder of this run, removed
// at the end: the system's temp folder does not grow with every run, and esbuild, which lists a
// project's parent folders, does not list thousands of leftovers. TKC_KEEP_TEST_TMP=1 keeps it.
const runTemp = mkdtempSync(join(tmpdir(), "tkc-tests-"));
// NODE_EXTRA_CA_CERTS (set on this project's machines, CI too) makes Node 20 read a certificate bundle at every
// start: ~80 ms of CPU in each of the run's few hundred node processes. The tests talk to nothing
// but their own loopback servers, over plain HTTP, so none of them needs it.
const { NODE_EXTRA_CA_CERTS: _unused, ...inherited } = process.env;
const env = { ...inherited, TKC_STDLIB_TESTS: units.join("\n"), TMPDIR: runTemp };
const result = spawnSync(process.execPath, [...loader, "--test", "--test-concurrency=2", ...options, ...ordered], { cwd: root, stdio: "inherit", env });
if (process.env.TKC_KEEP_TEST_TMP === "1") process.stderr.write(`the tests' temporary folders are kept in ${runTemp}\n`);
else rmSync(runTemp, { recursive: true, force: true, maxRetries: 3 });
process.exit(result.status ?? 1);
