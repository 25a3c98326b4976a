import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

// Chart values typed from the chart's values.schema.json with json-schema-to-typescript (json2ts),
// as docs/dsl.md describes: a wrong value is a type error before Helm ever runs.
test("helmChart<Values>() with types json2ts generated from values.schema.json rejects a wrong value", () => {
  const dir = join(tempDir(), "project");
  cpSync(join(repoRoot, "test", "include", "fixtures", "helm"), dir, { recursive: true });
  const json2ts = join(repoRoot, "node_modules", "json-schema-to-typescript", "dist", "src", "cli.js");
  const generated = spawnSync(process.execPath, [json2ts, "-i", join(dir, "charts", "greeter", "values.schema.json"), "-o", join(dir, "charts", "greeter", "values.ts"), "--bannerComment", ""], { encoding: "utf8" });
  assert.equal(generated.status, 0, generated.stderr);
  assert.match(readFileSync(join(dir, "charts", "greeter", "values.ts"), "utf8"), /export interface ValuesSchema \{\n {2}replicas: number;/);
  const release = join(dir, "release.k8s.ts");
  const typed = readFileSync(release, "utf8")
    .replace('import { forEachPod, helmChart, perEnv, release } from "tkc";', 'import { forEachPod, helmChart, perEnv, release } from "tkc";\nimport type { ValuesSchema } from "./charts/greeter/values.js";')
    .replace("helmChart({", "helmChart<ValuesSchema>({");
  writeFileSync(release, typed);
  const ok = runTkc(["check", dir], { env: { TKC_HELM: join(dir, "no-helm-needed-for-types") } });
  assert.doesNotMatch(ok.stderr, /error TS/, "partial values type-check: the chart's defaults fill the rest");
  writeFileSync(release, typed.replace("replicas: 3,", 'replicas: "three",'));
  const wrong = runTkc(["check", dir], { env: { TKC_HELM: join(dir, "no-helm-needed-for-types") } });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /release\.k8s\.ts:16:7 error TS2322:[\s\S]*Types of property 'replicas' are incompatible\.\n\s+Type 'string' is not assignable to type 'number'/);
});
