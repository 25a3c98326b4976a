import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readTree } from "../support/files.js";
import { repoRoot, tempDir } from "../support/cli.js";
import { hostileProject, runHostile, SECRET } from "./hostile.js";

// A descriptor that looks for the host quietly, without throwing, still builds: what it finds is
// the realm's own (nothing of the host's), and nothing of the host reaches the bundle.
const probes = `
const probe = (f: () => unknown): string => { try { return String(f()); } catch (e: any) { return "refused: " + e.name; } };
const g = globalThis as any;
const found = {
  process: probe(() => typeof g.process),
  require: probe(() => typeof g.require),
  env: probe(() => g.constructor.constructor("return process")().env.TKC_RED_TEAM_SECRET),
  dateCtor: probe(() => (new Date(0).constructor as DateConstructor).now()),
  intlNow: probe(() => new Intl.DateTimeFormat().format()),
  stack: probe(() => new Error("here").stack),
  local: probe(() => new Date(2026, 0, 1).toString()),
  iso: probe(() => new Date(2026, 0, 1).toISOString()),
  number: probe(() => (1234.5).toLocaleString()),
  compare: probe(() => ["b", "a", "B", "é"].sort((x, y) => x.localeCompare(y)).join(",")),
  offset: probe(() => new Date(2026, 6, 1).getTimezoneOffset()),
  zone: probe(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  locale: probe(() => Intl.NumberFormat().resolvedOptions().locale),
};`;

test("a quiet probe of the host finds only the realm, and the secret reaches no output", async () => {
  const dir = hostileProject(probes, `configMap({ name: "found", data: found })`);
  const out = tempDir();
  const result = await runHostile(["build", dir, "--out", out], { TZ: "America/New_York", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", TKC_EVAL_TIMEOUT_MS: "30000" });
  assert.equal(result.status, 0, result.stderr);
  const files = readTree(out);
  const configMap = [...files].find(([file]) => file.endsWith(".yaml") && files.get(file)!.includes("name: found"))![1];
  const data = (parse(configMap) as { data: Record<string, string> }).data;
  assert.deepEqual(
    { ...data, stack: undefined },
    {
      process: "undefined",
      require: "undefined",
      env: "refused: UnavailableError",
      dateCtor: "refused: NondeterminismError",
      intlNow: "refused: NondeterminismError",
      stack: undefined,
      local: "Thu Jan 01 2026 00:00:00 GMT+0000 (Coordinated Universal Time)",
      iso: "2026-01-01T00:00:00.000Z",
      number: "1,234.5",
      compare: "a,b,B,é",
      offset: "0",
      zone: "UTC",
      locale: "en-US",
    },
  );
  // The stack names only the bundle's own positions: no host path, no tkc file.
  assert.match(data.stack!, /^Error: here(\n {4}at [\w<>]+ \(tkc-bundle:\d+:\d+\))+$/);
  for (const [file, content] of files) assert.ok(!content.includes(SECRET) && !content.includes(repoRoot), file);
  assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET));
});

// Same sources -> same bytes under any time zone, locale and working directory.
test("examples/shop gives the same bytes under several TZ, LANG and working directories", async () => {
  const variants: readonly { env: Record<string, string>; cwd?: string }[] = [
    { env: { TZ: "UTC", LANG: "C" } },
    { env: { TZ: "America/New_York", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" } },
    { env: { TZ: "Asia/Kolkata", LANG: "tr_TR.UTF-8" }, cwd: tempDir() },
    { env: { TZ: "Pacific/Kiritimati", LANG: "ja_JP.UTF-8", LC_ALL: "ar_EG.UTF-8" }, cwd: "/" },
  ];
  const project = join(tempDir(), "shop");
  cpSync(join(repoRoot, "examples", "shop"), project, { recursive: true, filter: (src) => !/\/(out|expected|\.tkc-cache)(\/|$)/.test(src) });
  const trees = await Promise.all(
    variants.map(async ({ env, cwd }) => {
      const out = tempDir();
      // A generous time limit: four builds share the machine.
      const result = await runHostile(["build", project, "--out", out], { ...env, TKC_EVAL_TIMEOUT_MS: "30000" }, cwd);
      assert.equal(result.status, 0, result.stderr);
      return new Map([...readTree(join(out, "shop"))].filter(([path]) => !path.startsWith("history/")));
    }),
  );
  for (const tree of trees.slice(1)) assert.deepEqual(tree, trees[0]);
  assert.ok(readFileSync(join(repoRoot, "examples", "shop", "release.k8s.ts"), "utf8").length > 0);
});

// release() reads its options once: a getter or a later change cannot swap a checked name for a path.
test("names are snapshotted when release() checks them", async () => {
  const dir = tempDir("tkc-red-team-");
  writeFileSync(
    join(dir, "release.k8s.ts"),
    [
      `import { release, configMap } from "tkc";`,
      `const environments: any = { dev: { namespace: "rt" } };`,
      `let reads = 0;`,
      `const options: any = { get name() { return reads++ === 0 ? "rt" : "../../escaped"; }, version: "1.0.0", environments, components: [configMap({ name: "c", data: { a: "1" } })] };`,
      `const built = release(options);`,
      `environments["../../other"] = { namespace: "rt" };`,
      `environments.dev.namespace = "../elsewhere";`,
      `export default built;`,
      "",
    ].join("\n"),
  );
  const out = tempDir();
  const result = await runHostile(["build", dir, "--out", out], { TKC_EVAL_TIMEOUT_MS: "30000" });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(readdirSync(out), ["rt"]);
  assert.deepEqual(readdirSync(join(out, "rt")).sort(), ["dev", "history"]);
  assert.match(readFileSync(join(out, "rt", "dev", "bundle.json"), "utf8"), /"namespace": "rt"/);
});
