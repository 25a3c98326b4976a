// CLI habits users bring from git, diff and Helm (issue 10, section 4).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc as runTkcCold, tempDir } from "../support/cli.js";
import { edit } from "../release/support.js";
import { useColor } from "../../compiler/diagnostics/render.js";

const cache = tempDir("tkc-cache-");
const runTkc = (args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) => runTkcCold(args, { ...options, env: { TKC_CACHE_DIR: cache, ...options.env } });

/** A fresh `tkc init` project named "app": environments dev and prod, three objects each. */
function scaffold(): string {
  const dir = join(tempDir(), "app");
  assert.equal(runTkc(["init", dir]).status, 0);
  return dir;
}

test("tkc init in the current folder keeps an existing package.json and tsconfig.json, merges .gitignore, and says so", () => {
  const dir = join(tempDir(), "existing-app");
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), '{ "name": "existing-app", "private": true }\n');
  writeFileSync(join(dir, "tsconfig.json"), '{ "compilerOptions": { "strict": true } }\n');
  writeFileSync(join(dir, ".gitignore"), "coverage/");
  writeFileSync(join(dir, ".gitattributes"), "*.png binary\n");
  const init = runTkc(["init"], { cwd: dir });
  assert.equal(init.status, 0, init.stderr);
  assert.match(init.stdout, /^created \.\/: tkc\.config\.json, release\.k8s\.ts$/m);
  assert.match(init.stdout, /^added node_modules\/, \.tkc-cache\/ to \.gitignore$/m);
  assert.match(init.stdout, /^added out\/\*\* -text to \.gitattributes$/m);
  assert.match(init.stdout, /^kept \(already there\): tsconfig\.json \(descriptors need "moduleResolution": "bundler" or "nodenext" there\)$/m);
  assert.equal(readFileSync(join(dir, "package.json"), "utf8"), '{ "name": "existing-app", "private": true }\n');
  assert.equal(readFileSync(join(dir, "tsconfig.json"), "utf8"), '{ "compilerOptions": { "strict": true } }\n');
  assert.equal(readFileSync(join(dir, ".gitignore"), "utf8"), "coverage/\nnode_modules/\n.tkc-cache/\n");
  assert.doesNotMatch(readFileSync(join(dir, ".gitignore"), "utf8"), /^out/m, "bundles and history are committed");
  assert.equal(readFileSync(join(dir, ".gitattributes"), "utf8"), "*.png binary\nout/** -text\n");

  const built = runTkc(["build"], { cwd: dir });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /^existing-app\/dev: revision 1 /);
});

test("--env takes a comma list, and build, check and history find the project from a subfolder", () => {
  const app = scaffold();
  const sub = join(app, "components", "deeper");
  mkdirSync(sub, { recursive: true });
  const built = runTkc(["build", "--env", "dev,prod"], { cwd: sub });
  assert.equal(built.status, 0, built.stderr);
  assert.deepEqual(built.stdout.trim().split("\n").map((l) => l.split(":")[0]), ["app/dev", "app/prod"]);
  assert.match(built.stdout, /-> \.\.\/\.\.\/out\/app\/dev /);
  assert.equal(runTkc(["check", "-e", "prod", "--env", "dev,prod"], { cwd: sub }).stdout.trim().split("\n").length, 2);

  // Without --env: every environment that has a history, in name order.
  const history = runTkc(["history", "."], { cwd: sub });
  assert.equal(history.status, 0, history.stderr);
  assert.deepEqual(history.stdout.split("\n").filter((l) => /^app\//.test(l)).map((l) => l.split(" ")[0]), ["app/dev", "app/prod"]);
  const json = JSON.parse(runTkc(["history", app, "--format", "json"]).stdout);
  assert.deepEqual(Object.keys(json), ["dev", "prod"]);
  assert.equal(json.prod[0].revision, 1);
  assert.equal(JSON.parse(runTkc(["history", app, "--env", "prod", "--format", "json"]).stdout)[0].revision, 1, "one --env keeps the plain list");
});

test("tkc diff <project> --env prod compares the latest revision with the one before; --exit-code is 1 only for differences", () => {
  const app = scaffold();
  assert.equal(runTkc(["build", app, "--env", "prod"]).status, 0);
  const first = runTkc(["diff", app, "--env", "prod", "--format", "json"]);
  assert.equal(first.status, 0, first.stderr);
  const [only] = JSON.parse(first.stdout).diffs;
  assert.equal(only.from.label, "app/prod before revision 1");
  assert.deepEqual(only.objects.map((o: { status: string }) => o.status), ["added", "added", "added"], "the first revision against nothing");
  edit(join(app, "release.k8s.ts"), 'version: "0.1.0"', 'version: "0.1.1"');
  edit(join(app, "release.k8s.ts"), 'default: "1.27.3"', 'default: "1.27.4"');
  assert.equal(runTkc(["build", app, "--env", "prod"]).status, 0);

  const diff = runTkc(["diff", app, "--env", "prod"]);
  assert.equal(diff.status, 0, diff.stderr);
  assert.match(diff.stdout, /^--- app\/prod revision 1 /m);
  assert.match(diff.stdout, /^\+\+\+ app\/prod revision 2 /m);
  assert.match(diff.stdout, /nginx-unprivileged:1\.27\.4/);
  assert.equal(runTkc(["diff", app, "--env", "prod", "--exit-code"]).status, 1);
  // a boolean's value as Helm's flags read it (Go's ParseBool); anything else is a usage error
  for (const on of ["true", "1", "T", "TRUE"]) assert.equal(runTkc(["diff", app, "--env", "prod", `--exit-code=${on}`]).status, 1, `--exit-code=${on}`);
  for (const off of ["false", "0", "F", "False"]) assert.equal(runTkc(["diff", app, "--env", "prod", `--exit-code=${off}`]).status, 0, `--exit-code=${off}`);
  for (const unclear of ["maybe", "yes", ""]) {
    const refused = runTkc(["diff", app, "--env", "prod", `--exit-code=${unclear}`]);
    assert.equal(refused.status, 2, `--exit-code=${unclear}`);
    assert.match(refused.stderr, new RegExp(`^--exit-code=${unclear}: give true or false`, "m"));
    assert.equal(refused.stdout, "", "no diff printed");
  }
  assert.equal(runTkc(["diff", app, "--env", "prod", "--from", "2", "--exit-code"]).status, 0, "a revision against itself");
  const trouble = runTkc(["diff", app, "--env", "prod", "--from", "9", "--exit-code"]);
  assert.equal(trouble.status, 2, "trouble is above 1 with --exit-code");
  assert.match(trouble.stderr, /has no revision 9/);
  assert.equal(runTkc(["diff", app, "--env", "prod", "--from", "9"]).status, 1, "without --exit-code a user error stays 1");
  assert.equal(runTkc(["diff", app, "--env", "dev,prod"]).status, 2, "a history diff reads one environment");
});

test("tkc diff out/a out/b pairs every <release>/<env> bundle of two output roots, as the --help example says", () => {
  const app = scaffold();
  const a = tempDir();
  const b = tempDir();
  assert.equal(runTkc(["build", app, "--env", "dev,prod", "--out", a]).status, 0);
  assert.equal(runTkc(["build", app, "--env", "prod", "--out", b]).status, 0);
  const diff = runTkc(["diff", a, b, "--format", "json"]);
  assert.equal(diff.status, 0, diff.stderr);
  const report = JSON.parse(diff.stdout) as { diffs: { from: { label: string }; to: { label: string; release?: string }; objects: { status: string }[] }[] };
  assert.deepEqual(report.diffs.map((d) => [d.from.label, d.to.label]), [[join(a, "app/dev"), join(b, "app/dev")], [join(a, "app/prod"), join(b, "app/prod")]]);
  assert.equal(report.diffs[0]!.to.release, undefined, "dev is missing on the b side");
  assert.equal(report.diffs[0]!.objects.length, 3);
  assert.ok(report.diffs[0]!.objects.every((o) => o.status === "removed"));
  assert.deepEqual(report.diffs[1]!.objects, [], "prod is the same build");
  assert.equal(runTkc(["diff", a, b, "--exit-code"]).status, 1);
  assert.equal(runTkc(["diff", a, b, "--env", "prod", "--exit-code"]).status, 0, "--env keeps prod only");
  assert.equal(runTkc(["diff", join(a, "app/prod"), join(b, "app/prod"), "--exit-code"]).status, 0);
  assert.equal(runTkc(["diff", join(a, "app/prod"), join(b, "app/prod"), "--env", "prod"]).status, 2, "two bundles have no environments to pick");
});

test("tkc explain prints a code's page, from the docs that ship in the package", () => {
  const page = runTkc(["explain", "tkc3206"]);
  assert.equal(page.status, 0, page.stderr);
  // The registry's title, severity and stage, then the page below its heading.
  const body = readFileSync(join(repoRoot, "docs/errors/TKC3206.md"), "utf8").trimEnd().split("\n").slice(2).join("\n");
  assert.equal(page.stdout, `# TKC3206: Image uses :latest\n\nseverity: policy\nstage: semantic (compiler/validate/semantic: the API server's own validation rules)\npage: docs/errors/TKC3206.md\n\n${body}\n`);
  const typo = runTkc(["explain", "TKC3206x"]);
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /no diagnostic code TKC3206x[\s\S]*hint: did you mean TKC3206\?/);
  assert.match(runTkc(["explain", "TS2322"]).stderr, /TypeScript code/);
  // the number alone, as retyped from a log
  assert.equal(runTkc(["explain", "3206"]).stdout, page.stdout);
  assert.match(runTkc(["explain", "9999"]).stderr, /no diagnostic code 9999/);
});

// yargs made an option given twice an array, which reached the commands as a path:
// "tkc: internal error ... The "paths[0]" argument must be of type string".
test("an option given twice takes its last value, as Helm's and kubectl's flags do", () => {
  const dir = join(tempDir(), "twice");
  assert.equal(runTkc(["init", dir]).status, 0);
  const first = join(tempDir(), "first");
  const second = join(tempDir(), "second");
  const built = runTkc(["build", dir, "--out", first, "--out", second, "--layout", "files", "--layout", "stream", "--kube-version", "1.33", "--kube-version", "1.36", "--env", "dev"]);
  assert.equal(built.status, 0, built.stderr);
  assert.ok(existsSync(join(second, "twice", "dev", "objects", "manifests.yaml")), "the last --out and --layout");
  assert.ok(!existsSync(first));
  const history = runTkc(["history", "--out", first, "--out", second, "--format", "text", "--format", "json"], { cwd: dir });
  assert.equal(history.status, 0, history.stderr);
  assert.equal(JSON.parse(history.stdout).dev[0].revision, 1);
  // repeatable options still gather every value
  const inputs = runTkc(["build", dir, "--out", second, "--env", "dev", "--set", "imageTag=1.0", "--set", "imageTag=2.0"]);
  assert.equal(inputs.status, 0, inputs.stderr);
  for (const result of [built, history, inputs]) assert.doesNotMatch(result.stderr, /internal error/);
});

test("the bare usage line and the demand message list every command", () => {
  const help = runTkc(["--help"]);
  const commands = ["init", "build", "check", "validate", "history", "rollback", "diff", "push", "pull", "import", "inputs", "explain", "completion"];
  assert.match(help.stdout, new RegExp(`^tkc <${commands.join("\\|")}>\\s+\\[options\\]`));
  for (const command of commands) assert.match(help.stdout, new RegExp(`^  tkc ${command}\\b`, "m"), command);
  const bare = runTkc([]);
  assert.equal(bare.status, 2);
  assert.match(bare.stderr, new RegExp(`name a command: ${commands.join(", ")}`));
});

test("tkc completion bash completes commands and option values in a real bash", { skip: spawnSync("bash", ["--version"]).status !== 0 && "bash is not installed" }, () => {
  const script = runTkc(["completion", "bash"]);
  assert.equal(script.status, 0, script.stderr);
  const bin = tempDir();
  writeFileSync(join(bin, "tkc"), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, "bin/tkc.cjs")}" "$@"\n`, { mode: 0o755 });
  writeFileSync(join(bin, "completion.bash"), script.stdout);
  const complete = (words: string[]) => {
    const line = `source ${join(bin, "completion.bash")}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _tkc_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync("bash", ["-c", line], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim().split("\n");
  };
  assert.deepEqual(complete(["tkc", "bu"]), ["build"]);
  assert.deepEqual(complete(["tkc", "build", "--layout", ""]), ["files", "stream"]);
  assert.ok(complete(["tkc", "diff", "--ex"]).includes("--exit-code"));
  assert.match(runTkc(["completion", "zsh"]).stdout, /^#compdef tkc\n/);
  assert.equal(runTkc(["completion", "fish"]).status, 2);
});

test("NO_COLOR disables colour when present and not empty; an empty NO_COLOR does not (no-color.org)", () => {
  const terminal = { isTTY: true } as NodeJS.WriteStream;
  const saved = { NO_COLOR: process.env.NO_COLOR, TERM: process.env.TERM };
  try {
    process.env.TERM = "xterm-256color";
    delete process.env.NO_COLOR;
    assert.equal(useColor(terminal), true);
    process.env.NO_COLOR = "";
    assert.equal(useColor(terminal), true);
    process.env.NO_COLOR = "1";
    assert.equal(useColor(terminal), false);
    assert.equal(useColor({ isTTY: false } as NodeJS.WriteStream), false);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

// An option given without its value is a usage error (exit 2), as in git and Helm: `--env` with
// nothing after it crashed with yargs' YError (exit 70); `--out ""` built into the working
// folder; `--env=` built nothing and said nothing; `rollback --to abc` said "no revision NaN".
test("an option without its value is a usage error, never a crash or a silent default", () => {
  const dir = scaffold();
  const cwd = tempDir();
  const cases: [string[], RegExp][] = [
    [["build", dir, "--env"], /^Not enough arguments following: env\n/],
    [["build", dir, "--set"], /^Not enough arguments following: set\n/],
    [["build", dir, "--out"], /^Not enough arguments following: out\n/],
    [["build", dir, "--env="], /^--env needs an environment name\n/],
    [["build", dir, "--env", ","], /^--env needs an environment name\n/],
    [["build", dir, "--out="], /^--out needs a folder \(or - for standard output\)\n/],
    [["check", dir, "--env="], /^--env needs an environment name\n/],
    [["history", dir, "--env"], /^Not enough arguments following: env\n/],
    [["history", dir, "--env="], /^--env needs an environment name\n/],
    [["diff", dir, "--env", "dev", "--out="], /^--out needs a folder\n/],
    [["check", dir, "--kube-version"], /^Not enough arguments following: kube-version\n/],
    [["validate", join(repoRoot, "examples", "hello", "expected"), "--kube-version"], /^Not enough arguments following: kube-version\n/],
    [["validate", join(repoRoot, "examples", "hello", "expected"), "--kube-version="], /^--kube-version needs a version such as 1\.36\n/],
    [["rollback", dir, "--env", "dev", "--to", "abc"], /^error: --to must be a revision number \(1, 2, \.\.\.\)\n/],
    [["rollback", dir, "--env", "dev", "--to", "0"], /^error: --to must be a revision number/],
  ];
  for (const [args, message] of cases) {
    const run = runTkc(args, { cwd });
    assert.equal(run.status, 2, `tkc ${args.join(" ")}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message, `tkc ${args.join(" ")}`);
    assert.match(run.stderr, /Run 'tkc (rollback )?--help' for usage\.\n$/);
  }
  assert.deepEqual(readdirSync(cwd), [], "nothing is built into the working folder");
  // A trailing comma is still only a separator.
  assert.equal(runTkc(["build", dir, "--env", "dev,"]).status, 0);
});

// The release name goes into the scaffold's source: `--name 'x", version: "9"}); ...'` was
// written into release.k8s.ts as code. A folder name is made into a release name, whole.
test("tkc init refuses a --name that is not a release name, and makes one from any folder name", () => {
  const dir = join(tempDir(), "app");
  const injected = runTkc(["init", dir, "--name", 'x", version: "9"}); console.log("pwn"); //']);
  assert.equal(injected.status, 2);
  assert.match(injected.stderr, /^error: --name .* is not a release name: lowercase letters, digits and '-', at most 53 characters/);
  assert.deepEqual(readdirSync(join(dir, "..")), [], "nothing is written");
  const long = join(tempDir(), `${"a".repeat(52)}-tail`);
  assert.equal(runTkc(["init", long]).status, 0);
  const built = runTkc(["build", long]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, new RegExp(`^${"a".repeat(52)}/dev: revision 1`, "m"));
});

// Helm's --kube-version takes "v1.36.0", and `kubectl version` prints "v1.36.2": either was
// "Kubernetes v1.36.0 is not supported" although tkc has 1.36's schemas.
test("a Kubernetes version as Helm and kubectl write it (v1.36, 1.36.2, v1.36.0) is its minor release", () => {
  const dir = scaffold();
  for (const version of ["v1.36", "1.35.2", "v1.34.0"]) {
    const checked = runTkc(["check", dir, "--kube-version", version]);
    assert.equal(checked.status, 0, `${version}: ${checked.stderr}`);
  }
  const config = join(dir, "tkc.config.json");
  writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, "utf8")), kubeVersion: "v1.33.7" }));
  const built = runTkc(["build", dir, "--env", "dev"]);
  assert.equal(built.status, 0, built.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, "out", "app", "dev", "bundle.json"), "utf8")).kubeVersion, "1.33", "recorded as the minor release");
  const validated = runTkc(["validate", "--kube-version", "v1.33.4,1.36.0", join(repoRoot, "test", "cli", "fixtures", "valid.yaml")]);
  assert.equal(validated.status, 0, validated.stderr);
  assert.equal(validated.stdout, "2 objects valid for Kubernetes 1.33\n2 objects valid for Kubernetes 1.36\n");
  // still refused: a version without schemas, and text that is no version
  for (const version of ["v1.29.1", "1.36.x", "1.36.2.1", "v2.0"]) {
    const refused = runTkc(["check", dir, "--kube-version", version]);
    assert.equal(refused.status, 1, version);
    assert.match(refused.stderr, /error TKC1003: Kubernetes \S+ is not supported/);
  }
});

// A Helm user's first commands: each said "Unknown arguments: template, ." (or "Did you mean
// init?" for lint) and nothing of how tkc does it.
test("Helm's, cdk8s' and Tanka's commands and options that tkc has not: a usage error that says tkc's way", () => {
  const dir = scaffold();
  const cases: [string[], RegExp][] = [
    [["template", "."], /^Unknown command: template\n  hint: tkc has no 'template' command; `tkc build --env ENV --out -` prints/],
    [["install", "web", "."], /^Unknown command: install\n  hint: [^\n]*`kubectl apply -k out\/RELEASE\/ENV`/],
    [["upgrade", "web", "."], /^Unknown command: upgrade\n/],
    [["lint"], /^Unknown command: lint\n  hint: tkc has no 'lint' command; `tkc check` runs every check/],
    [["synth"], /^Unknown command: synth\n  hint: tkc has no 'synth' command; `tkc build` writes each environment's bundle, as cdk8s synth/],
    [["show", "environments/prod"], /^Unknown command: show\n  hint: [^\n]*as tk show does/],
    [["apply"], /^Unknown command: apply\n  hint: tkc has no 'apply' command; tkc writes bundles and applies nothing/],
    [["build", "--dry-run"], /^Unknown arguments: dry-run, dryRun\n  hint: tkc has no --dry-run option; `tkc check`/],
    [["build", "-n", "shop"], /^Unknown argument: n\n  hint: tkc has no --namespace \(-n\) option; each environment's namespace is set in the release/],
    [["check", "--namespace=shop"], /^Unknown argument: namespace\n  hint: tkc has no --namespace option/],
    [["build", "--set-string", "imageTag=1.10"], /^Unknown arguments: set-string, setString\n  hint: tkc has no --set-string option; `--set` reads each value by its input's declared type/],
    [["build", "--create-namespace"], /\n  hint: tkc has no --create-namespace option; the bundle holds each environment's Namespace object already/],
  ];
  for (const [args, expected] of cases) {
    const result = runTkc(args, { cwd: dir });
    assert.equal(result.status, 2, args.join(" "));
    assert.match(result.stderr, expected, args.join(" "));
    assert.match(result.stderr, /Run 'tkc --help' for usage\.\n$/);
  }
  // other unknown words keep yargs' own message, without a hint
  const other = runTkc(["build", "--frobnicate"], { cwd: dir });
  assert.equal(other.status, 2);
  assert.equal(other.stderr, "Unknown argument: frobnicate\n\nRun 'tkc --help' for usage.\n");
  assert.ok(!existsSync(join(dir, "out")), "nothing built");
});
