import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, spawnTkc, type CliResult } from "../support/cli.js";
import { cliPool } from "../support/cli-pool.js";
import { assertGoldenFile } from "../support/golden.js";

// One folder per mistake: `tkc check` must print exactly expected.txt (stderr, then the exit
// code) and write nothing. A missing expected.txt fails; TKC_UPDATE_GOLDEN=1 writes it.
// The cases run in two long-lived tkc processes (the real bundle's main, no process per case); two of them
// run through the real binary instead (bin/tkc.cjs and the dist/ bundle).
const casesDir = join(repoRoot, "test", "errors");
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, "release.k8s.ts"))).sort();
const THROUGH_THE_BINARY = new Set(["endless-loop", "latest-image"]);
const EVAL_TIMEOUT_MS = "1000";

// the stages read it from the environment: the pool's processes inherit it
process.env.TKC_EVAL_TIMEOUT_MS = EVAL_TIMEOUT_MS;
const pool = cliPool(2);
after(() => pool.close());

function check(name: string): Promise<CliResult> {
  const args = ["check", `test/errors/${name}`];
  return THROUGH_THE_BINARY.has(name) ? spawnTkc(args, { env: { TKC_EVAL_TIMEOUT_MS: EVAL_TIMEOUT_MS } }) : pool.run(args);
}

describe("error cases", { concurrency: 4 }, () => {
  for (const name of cases) {
    const how = THROUGH_THE_BINARY.has(name) ? ", through bin/tkc.cjs" : "";
    it(`error case ${name}${how}`, async () => {
      const result = await check(name);
      assertGoldenFile(join(casesDir, name, "expected.txt"), `${result.stderr.trimEnd()}\n[exit ${result.status}]\n`);
      assert.equal(result.status, 1, "user errors exit with 1");
      assert.equal(result.stdout, "", "nothing is reported as built");
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at .+:\d+:\d+\)/, "no stack trace for a user mistake");
      assert.ok(!existsSync(join(casesDir, name, "out")), "check writes nothing");
    });
  }
});
