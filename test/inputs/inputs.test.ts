import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { repoRoot, runTkc as runTkcCold, tempDir, type CliResult } from "../support/cli.js";
import { bundlesOnly, readTree, updateGoldens } from "../support/files.js";

// Build inputs end to end: test/inputs/app declares one input of every type; each test builds a
// scratch copy of it with the real CLI. Goldens live in test/inputs/expected/ (TKC_UPDATE_GOLDEN=1
// rewrites them; a missing one fails).
const expectedDir = join(repoRoot, "test/inputs/expected");
const cache = tempDir("tkc-cache-");
const runTkc = (args: readonly string[], cwd: string) => runTkcCold(args, { cwd, env: { TKC_CACHE_DIR: cache } });

function app(): string {
  const dir = join(tempDir("tkc-inputs-"), "app");
  cpSync(join(repoRoot, "test/inputs/app"), dir, { recursive: true, filter: (src) => !/\/(out|\.tkc-cache)(\/|$)/.test(src) });
  return dir;
}

function golden(name: string, actual: string): void {
  const file = join(expectedDir, name);
  if (updateGoldens) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.ok(existsSync(file), `golden ${name} is missing (TKC_UPDATE_GOLDEN=1 writes it)`);
  assert.equal(actual, readFileSync(file, "utf8"), name);
}

function userError(result: CliResult): string {
  assert.equal(result.status, 1, `exit 1 for a bad value\n${result.stdout}${result.stderr}`);
  assert.equal(result.stdout, "", "nothing is built");
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at .+:\d+:\d+\)/, "no stack trace");
  return result.stderr;
}

const manifest = (dir: string, env: string) => JSON.parse(readFileSync(join(dir, "out/inputs-app", env, "bundle.json"), "utf8"));

test("defaults: every declared input is recorded with source default", () => {
  const dir = app();
  const built = runTkc(["build", "."], dir);
  assert.equal(built.status, 0, built.stderr);
  assert.deepEqual(manifest(dir, "dev").inputs, {
    debug: { value: false, source: "default" },
    imageTag: { value: "2.4.0", source: "default" },
    logLevel: { value: "info", source: "default" },
    motd: { value: "hello", source: "default" },
    replicas: { value: 2, source: "default" },
    requests: { value: { cpu: "100m", memoryMi: 128 }, source: "default" },
  });
});

test("a values file and --set: the golden bundles, per-environment values, --set over the file", () => {
  const dir = app();
  const built = runTkc(["build", ".", "--values", "ci-values.yaml", "--set", "logLevel=debug", "--set", "debug=true", "--set", "dev.replicas=1", "--set", "requests.memoryMi=300"], dir);
  assert.equal(built.status, 0, built.stderr);
  for (const env of ["dev", "prod"]) {
    for (const [file, text] of bundlesOnly(readTree(join(dir, "out/inputs-app")))) if (file.startsWith(`${env}/`)) golden(`values/${file}`, text);
  }
  assert.equal(manifest(dir, "prod").inputs.replicas.value, 6, "environments.prod from the file");
  assert.equal(manifest(dir, "dev").inputs.replicas.value, 1, "--set dev.replicas");
  assert.deepEqual(manifest(dir, "dev").inputs.requests, { value: { cpu: "250m", memoryMi: 300 }, source: "--set" }, "a field from --set on the file's object");
  // -f, as Helm users type it: the same values, so the same bundles (no new revision)
  const short = runTkc(["build", ".", "-f", "ci-values.yaml", "--set", "logLevel=debug", "--set", "debug=true", "--set", "dev.replicas=1", "--set", "requests.memoryMi=300"], dir);
  assert.equal(short.status, 0, short.stderr);
  assert.match(short.stdout, /^inputs-app\/prod: unchanged, revision 1/m);
});

test("every bad value in one run: exit 1, the input, the expected type, where it is declared", () => {
  const dir = app();
  const args = ["--set", "replicas=three", "--set", "logLevel=verbose", "--set", "debug=yes", "--set", "requests=big", "--set", "requests.gpu=1", "--set", "prod.imageTag=1", "--set", "staging.replicas=3", "--set", "imageTg=2.5.0", "--set", "prod.replics=4"];
  const stderr = userError(runTkc(["check", ".", ...args], dir));
  golden("errors/bad-values.txt", stderr);
  assert.match(stderr, /^release\.k8s\.ts:5:18 error TKC2041: input 'replicas' expects a number, but --set replicas gives "three"$/m);
  assert.match(stderr, /error TKC1030: --set imageTg names input 'imageTg', which no descriptor declares\n {2}hint: did you mean 'imageTag'\?/);
  assert.ok(!existsSync(join(dir, "out")), "nothing written");
  // The same mistakes stop a build before anything is written.
  userError(runTkc(["build", ".", ...args], dir));
  assert.ok(!existsSync(join(dir, "out")));
});

test("a values file: values must already be of the type; bad files are named", () => {
  const dir = app();
  writeFileSync(join(dir, "number-tag.yaml"), "imageTag: 2.5\nenvironments:\n  prod:\n    replicas: many\n");
  golden("errors/values-types.txt", userError(runTkc(["check", ".", "--values", "number-tag.yaml"], dir)));
  writeFileSync(join(dir, "list.yaml"), "- imageTag\n");
  writeFileSync(join(dir, "broken.json"), '{ "imageTag": ');
  golden("errors/values-files.txt", userError(runTkc(["check", ".", "--values", "list.yaml", "--values", "broken.json", "--values", "missing.yaml", "--set", "imageTag"], dir)));
});

test("the values change the digest; the same values from --set or a file give the same bundle", () => {
  const dir = app();
  const first = runTkc(["build", ".", "--set", "imageTag=2.5.0"], dir);
  assert.equal(first.status, 0, first.stderr);
  const a = manifest(dir, "prod").digest;
  // Warm path: same sources, other values -> a new revision, never "unchanged".
  const second = runTkc(["build", ".", "--set", "imageTag=2.6.0"], dir);
  assert.match(second.stdout, /^inputs-app\/prod: revision 2 /m);
  const b = manifest(dir, "prod").digest;
  assert.notEqual(a, b);
  assert.match(runTkc(["build", ".", "--set", "imageTag=2.6.0"], dir).stdout, /^inputs-app\/prod: unchanged, revision 2 /m);
  writeFileSync(join(dir, "tag.json"), '{ "imageTag": "2.5.0" }');
  const third = runTkc(["build", ".", "--values", "tag.json"], dir);
  assert.match(third.stdout, /^inputs-app\/prod: revision 3 /m);
  assert.equal(manifest(dir, "prod").digest, a, "the digest covers the values, not where they came from");
  assert.equal(manifest(dir, "prod").inputs.imageTag.source, "--values");
  // A value no object uses still changes the digest: the bundle records what it was built from.
  const unused = runTkc(["build", ".", "--values", "tag.json", "--set", "motd=hello again"], dir);
  assert.equal(unused.status, 0, unused.stderr);
  assert.notEqual(manifest(dir, "prod").digest, a);
  // Every revision's digest still verifies.
  const verified = runTkc(["history", ".", "--verify"], dir);
  assert.equal(verified.status, 0, verified.stderr);
});

test("tkc diff shows input changes (text and json)", () => {
  const dir = app();
  assert.equal(runTkc(["build", "."], dir).status, 0);
  assert.equal(runTkc(["build", ".", "--set", "imageTag=2.5.0", "--set", "prod.replicas=4"], dir).status, 0);
  const text = runTkc(["diff", ".", "--env", "prod"], dir);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /\nInputs:\n {2}imageTag {2}"2\.4\.0" → "2\.5\.0" \(--set\)\n {2}replicas {2}2 → 4 \(--set\)\n/);
  const json = JSON.parse(runTkc(["diff", ".", "--env", "prod", "--format", "json"], dir).stdout);
  assert.equal(json.different, true);
  assert.deepEqual(json.diffs[0].inputs, [
    { name: "imageTag", from: "2.4.0", to: "2.5.0", source: "--set" },
    { name: "replicas", from: 2, to: 4, source: "--set" },
  ]);
});

test("tkc inputs lists every input, as text and as json", () => {
  const dir = app();
  const text = runTkc(["inputs"], dir);
  assert.equal(text.status, 0, text.stderr);
  golden("inputs.txt", text.stdout);
  const json = runTkc(["inputs", ".", "--format", "json"], dir);
  assert.equal(json.status, 0, json.stderr);
  golden("inputs.json", json.stdout);
  assert.ok(!existsSync(join(dir, "out")), "tkc inputs writes nothing");
});

// A description with a newline and `::error::` printed a forged CI annotation on its own line.
test("tkc inputs shows control characters in a description or a default as escapes", () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, "release.k8s.ts"),
    `import { release, configMap, input } from "tkc";
const tag = input("tag", { type: "string", default: "1\\u001b[2J", description: "evil \\u001b[31mred\\n::error::forged" });
const mode = input("mode", { type: "string", default: "fast", description: "::error file=release.k8s.ts::forged at the start" });
export default release({ name: "ti", version: "1.0.0", environments: { dev: { namespace: "ti" } }, components: [configMap({ name: "c", data: { tag, mode } })] });
`,
  );
  const listed = runTkc(["inputs"], dir);
  assert.equal(listed.status, 0, listed.stderr);
  const lines = listed.stdout.split("\n");
  assert.deepEqual(lines.slice(0, 2), ['tag: string = "1\\u001b[2J"', "  evil \\u001b[31mred\\u000a::error::forged"]);
  // The runner reads a workflow command after leading blanks too.
  assert.ok(lines.includes("  \\u003a:error file=release.k8s.ts::forged at the start"), listed.stdout);
  assert.doesNotMatch(listed.stdout, /^\s*::|\u001b/m);
});

test("hostile values stay data: code-like text, a large string, prototype keys", () => {
  const dir = app();
  const code = '${process.env.HOME}"); require("child_process").execSync("touch /tmp/pwned"); ("';
  const large = "x".repeat(600_000);
  const built = runTkc(["build", ".", "--set", `motd=${code}`, "--set", `logLevel=info`, "--set", `dev.replicas=${"1".padStart(100_000, "0")}`], dir);
  assert.equal(built.status, 0, built.stderr);
  const configMapFile = readTree(join(dir, "out/inputs-app/dev"));
  const yaml = [...configMapFile].find(([file]) => file.includes("configmap"))![1];
  assert.ok(yaml.includes(JSON.stringify(code).slice(1, -1)) || yaml.includes(code), "the text as it was given");
  assert.equal(manifest(dir, "dev").inputs.motd.value, code);
  assert.equal(manifest(dir, "dev").inputs.replicas.value, 1, "100,000 digits of a number are still the number");
  assert.ok(!existsSync("/tmp/pwned"), "nothing ran");
  writeFileSync(join(dir, "large.json"), JSON.stringify({ motd: large }));
  assert.equal(runTkc(["build", ".", "--values", "large.json"], dir).status, 0);
  assert.equal(manifest(dir, "dev").inputs.motd.value.length, 600_000);
  // Over the limit (a --set argument cannot be: Linux caps one at 128 KiB): refused before the realm.
  writeFileSync(join(dir, "huge.json"), JSON.stringify({ motd: "y".repeat(1_100_000) }));
  assert.match(userError(runTkc(["check", ".", "--values", "huge.json"], dir)), /error TKC1031: values file huge\.json is larger than 1048576 bytes/);
  writeFileSync(join(dir, "proto.yaml"), '__proto__:\n  polluted: true\nconstructor: x\n');
  const proto = userError(runTkc(["check", ".", "--values", "proto.yaml", "--set", "toString=1"], dir));
  assert.match(proto, /values file proto\.yaml names input '__proto__', which no descriptor declares/);
  assert.match(proto, /values file proto\.yaml names input 'constructor', which no descriptor declares/);
  assert.match(proto, /--set toString names input 'toString', which no descriptor declares/);
});

// A values file was sized by stat and then read whole: `/dev/zero` (size 0) was read until the
// memory ran out, and a folder was "larger than 1048576 bytes". A pipe (`--values <(sops -d
// values.yaml)`) is read as it comes.
test("--values reads a pipe, stops past its limit on an endless device, and names a folder as one", () => {
  const dir = app();
  const endless = userError(runTkc(["check", ".", "--values", "/dev/zero"], dir));
  assert.match(endless, /error TKC1031: values file \/dev\/zero is larger than 1048576 bytes/);
  assert.match(userError(runTkc(["check", ".", "--values", "."], dir)), /error TKC1031: values file \. is a folder, not a file\n  hint: give --values a YAML or JSON file/);
  const piped = spawnSync("bash", ["-c", `exec "${process.execPath}" "${join(repoRoot, "bin", "tkc.cjs")}" build . --values <(printf 'logLevel: debug\\n')`], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir() } });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(manifest(dir, "dev").inputs.logLevel.value, "debug");
});
