import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc } from "../support/cli.js";
import { updateGoldens } from "../support/files.js";

// One folder per mistake: `tkc check` must print exactly expected.txt (stderr, then the exit
// code) and write nothing. TKC_UPDATE_GOLDEN=1 rewrites expected.txt.
const casesDir = join(repoRoot, "test", "errors");
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, "release.k8s.ts"))).sort();

for (const name of cases) {
  test(`error case ${name}`, () => {
    const result = runTkc(["check", `test/errors/${name}`], { env: { TKC_EVAL_TIMEOUT_MS: "1000" } });
    const actual = `${result.stderr.trimEnd()}\n[exit ${result.status}]\n`;
    const expectedFile = join(casesDir, name, "expected.txt");
    if (updateGoldens || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, "utf8"));
    assert.equal(result.status, 1, "user errors exit with 1");
    assert.equal(result.stdout, "", "nothing is reported as built");
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at .+:\d+:\d+\)/, "no stack trace for a user mistake");
    assert.ok(!existsSync(join(casesDir, name, "out")), "check writes nothing");
  });
}
