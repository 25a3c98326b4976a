import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { escapeCommandData, escapeCommandProperty, githubAnnotations, sarifLog } from "../../compiler/diagnostics/formats.js";
import { error, warning } from "../../compiler/diagnostics/diagnostic.js";
import { runTkc, tempDir } from "../support/cli.js";

const LATEST = {
  code: "TKC3206",
  severity: "error",
  file: "test/errors/latest-image/release.k8s.ts",
  line: 5,
  column: 3,
  object: "apps/v1 Deployment case/api",
  path: "spec.template.spec.containers[0].image",
  message: 'image "registry.example.com/api:latest" of container "api" uses :latest, which changes under you',
  hint: 'pin a version tag ("nginx:1.27.1") or a digest ("nginx@sha256:...")',
};

test("check and build --format json: the report and every diagnostic with the documented fields", () => {
  for (const command of ["check", "build"]) {
    const result = runTkc([command, "test/errors/latest-image", "--format", "json"]);
    assert.equal(result.status, 1, command);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report, { ok: false, environments: [], errors: 1, warnings: 0, diagnostics: [LATEST] }, command);
  }
  const out = tempDir();
  const built = runTkc(["build", "examples/hello", "--format", "json", "--out", out]);
  assert.equal(built.status, 0, built.stderr);
  const report = JSON.parse(built.stdout);
  assert.equal(report.ok, true);
  assert.deepEqual(report.environments.map((e: { environment: string; outcome: string; revision: number }) => [e.environment, e.outcome, e.revision]), [["dev", "recorded", 1]]);
});

test("validate --format json uses the same record", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n");
  const result = runTkc(["validate", join(dir, "pod.yaml"), "--format", "json", "--policy", "error"], { cwd: dir });
  assert.equal(result.status, 1);
  const [first] = JSON.parse(result.stdout).diagnostics;
  assert.deepEqual(Object.keys(first), ["code", "severity", "file", "line", "column", "object", "path", "message", "hint"]);
  assert.equal(first.file, "pod.yaml");
});

test("--format sarif: SARIF 2.1.0 with a rule per code and repository-relative locations", () => {
  const result = runTkc(["check", "test/errors/latest-image", "--format", "sarif"]);
  assert.equal(result.status, 1);
  const log = JSON.parse(result.stdout);
  assert.equal(log.version, "2.1.0");
  assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, "tkc");
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string; shortDescription?: { text: string } }) => [r.id, r.shortDescription?.text]), [["TKC3206", "Image uses :latest"]]);
  assert.deepEqual(run.results, [
    {
      ruleId: "TKC3206",
      ruleIndex: 0,
      level: "error",
      message: { text: `${LATEST.message}\nhint: ${LATEST.hint}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: "test/errors/latest-image/release.k8s.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 5, startColumn: 3 } } }],
      properties: { object: LATEST.object, path: LATEST.path },
    },
  ]);
  const validated = runTkc(["validate", "examples/hello/expected/dev", "--format", "sarif"]);
  assert.equal(validated.status, 0, validated.stderr);
  assert.deepEqual(JSON.parse(validated.stdout).runs[0].results, []);
});

test("under GitHub Actions, errors are also workflow commands on the user's lines (stderr), and only then", () => {
  const ci = runTkc(["check", "test/errors/latest-image"], { env: { GITHUB_ACTIONS: "true" } });
  assert.equal(ci.status, 1);
  const commands = ci.stderr.split("\n").filter((l) => l.startsWith("::"));
  assert.deepEqual(commands, [
    `::error file=test/errors/latest-image/release.k8s.ts,line=5,col=3,title=TKC3206::${LATEST.message}%0Aobject: ${LATEST.object}, at ${LATEST.path}%0Ahint: ${LATEST.hint}`,
  ]);
  assert.match(ci.stderr, /release\.k8s\.ts:5:3 error TKC3206/, "the text form is still printed");
  const local = runTkc(["check", "test/errors/latest-image"], { env: { GITHUB_ACTIONS: "" } });
  assert.equal(local.stderr.split("\n").filter((l) => l.startsWith("::")).length, 0);
});

test("workflow-command escaping: data encodes %, CR, LF; properties also : and ,", () => {
  assert.equal(escapeCommandData("100% a\r\nb:c,d"), "100%25 a%0D%0Ab:c,d");
  assert.equal(escapeCommandProperty("C:\\x,y%\n"), "C%3A\\x%2Cy%25%0A");
  const hostile = error("TKC9999", "value \"x\n::error file=a.ts::forged\" is bad\u001b[2J", {
    location: { file: join(process.cwd(), "dir,with:odd", "a.k8s.ts"), line: 2, column: 4 },
    hint: "100% sure",
  });
  const [line] = githubAnnotations([warning("TKC1", "w"), hostile], process.cwd());
  assert.equal(line, "::error file=dir%2Cwith%3Aodd/a.k8s.ts,line=2,col=4,title=TKC9999::value \"x%0A::error file=a.ts::forged\" is bad\\u001b[2J%0Ahint: 100%25 sure");
  assert.equal(line!.split("\n").length, 1, "one command, however the message is made");
});

test("a descriptor's console output never becomes a workflow command", () => {
  const project = join(tempDir(), "loud");
  mkdirSync(project);
  writeFileSync(join(project, "tkc.config.json"), "{}\n");
  writeFileSync(join(project, "release.k8s.ts"), [
    'import { release, service } from "tkc";',
    'console.log("::error file=release.k8s.ts,line=1::forged");',
    'console.log("ok\\n::warning::second line");',
    'export default release({ name: "loud", version: "1.0.0", environments: { dev: { namespace: "loud" } }, components: [service({ name: "web", image: "nginx:1.27.3", port: { name: "http", containerPort: 8080 } })] });',
    "",
  ].join("\n"));
  const result = runTkc(["check", project], { env: { GITHUB_ACTIONS: "true" } });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stderr.split("\n");
  assert.ok(lines.some((l) => l.includes("forged")), result.stderr + result.stdout);
  assert.deepEqual(lines.filter((l) => /^\s*::/.test(l)), [], "no line a runner would obey");
});

test("sarif: a file outside the root is an absolute file URI", () => {
  const log = sarifLog([error("TKC1001", "m", { location: { file: "/elsewhere/x.ts", line: 1, column: 1 } })], { root: "/repo", toolVersion: "0" });
  assert.deepEqual(log.runs[0]!.results[0]!.locations![0]!.physicalLocation.artifactLocation, { uri: "file:///elsewhere/x.ts" });
});
