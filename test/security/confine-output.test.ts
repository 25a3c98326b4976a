import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";
import { renderDiagnostic } from "../../compiler/diagnostics/render.js";
import { descriptorLogLines } from "../../compiler/cli/descriptor-log.js";
import { error } from "../../compiler/diagnostics/diagnostic.js";
import { assertNoLeak, sandboxWithSecret, writeFiles } from "./confine-support.js";

// What tkc prints is drawn from this build's own inputs and escaped: a descriptor can neither make
// tkc open a file by naming it nor print a line a terminal or a CI runner would obey.

const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A release whose one component claims `origin` for itself and for its (invalid) ConfigMap. */
function originDescriptor(file: string): string {
  const origin = JSON.stringify({ file, line: 1, column: 1 });
  return `import { release, defineComponent } from "tkc";

const forged = defineComponent({
  type: "forged",
  name: "forged",
  origin: ${origin},
  expand: () => [{ object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Not_A_Name" } }, origin: ${origin} }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [forged] });
`;
}

test("a descriptor-supplied origin never makes tkc read a file: a FIFO there would block the read forever", { skip: spawnSync("mkfifo", ["--version"]).status !== 0 && "no mkfifo" }, () => {
  const dir = tempDir();
  const fifo = join(dir, "blocks-when-opened");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  const project = writeFiles(join(dir, "project"), { "release.k8s.ts": originDescriptor(fifo) });
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "check", project], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-") },
  });
  assert.equal(result.error, undefined, "tkc finished (it never opened the FIFO)");
  assert.equal(result.status, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /^\s+\d+ \|/m, "no code frame for a file the build did not read");
});

test("a descriptor-supplied origin naming a secret file shows no line of it", () => {
  const { project, secret } = sandboxWithSecret();
  writeFiles(project, { "release.k8s.ts": originDescriptor(join(secret, "creds.txt")) });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assertNoLeak(result, project, assert);
});

test("descriptor console output: one prefixed line per line, control characters escaped, no line starts a workflow command", () => {
  const project = writeFiles(tempDir(), {
    "release.k8s.ts": `import { release, configMap } from "tkc";
declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };
console.log("x\\n::error file=release.k8s.ts,line=1::forged\\n\\u001b[2K\\rerased");
console.error("  ::warning::indented\\r\\n\\u009b31m\\u202eevil");
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [configMap({ name: "c", data: { a: "b" } })] });
`,
  });
  const result = runTkc(["build", project, "--out", tempDir()]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(result.stderr.split("\n").filter(Boolean), [
    "[descriptor] x",
    "[descriptor] ::error file=release.k8s.ts,line=1::forged",
    "[descriptor] \\u001b[2K\\u000derased",
    "[descriptor]   ::warning::indented",
    "[descriptor] \\u009b31m\\u202eevil",
  ]);
});

// 3 million lines took a build to 14 s and its host to 630 MB, every line printed.
test("descriptor console output stops after 10,000 lines, and says so once", () => {
  const project = writeFiles(tempDir(), {
    "release.k8s.ts": `import { release, configMap } from "tkc";
declare const console: { log(...args: unknown[]): void };
for (let i = 0; i < 1_000_000; i++) console.log("line " + i);
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [configMap({ name: "c", data: { a: "b" } })] });
`,
  });
  const result = runTkc(["build", project, "--out", tempDir()]);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stderr.split("\n").filter((line) => line.startsWith("[descriptor]"));
  assert.equal(lines.length, 10_001);
  assert.equal(lines[9_999], "[descriptor] line 9999");
  assert.equal(lines[10_000], "[descriptor] ... and more: tkc prints at most 10,000 lines of descriptor output per build");
});

test("a thrown message cannot start a line with a workflow command or carry escapes", () => {
  const project = writeFiles(tempDir(), {
    "release.k8s.ts": `import { release } from "tkc";
throw new Error("boom\\n::error file=release.k8s.ts::forged\\n  ::add-mask::x\\u001b[2K");
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [] });
`,
  });
  const result = runTkc(["check", project]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /boom/);
  for (const line of result.stderr.split("\n")) {
    assert.doesNotMatch(line, /^\s*::/, `a line starts a workflow command: ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, UNSAFE, `a line carries a control character: ${JSON.stringify(line)}`);
  }
});

test("property: every console line, whatever it holds, prints as prefixed lines free of control characters", () => {
  const pool = ["a", "Z", " ", ":", "::", "\n", "\r", "\r\n", "\t", "\u001b", "\u001b[2K", "\u0007", "\u007f", "\u0085", "\u009b", "\u2028", "\u202e", "\u2066", "é", "🙂", "[descriptor] "];
  let seed = 0x2545f491;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
  for (let run = 0; run < 2000; run++) {
    const text = Array.from({ length: Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]).join("");
    const lines = descriptorLogLines(text);
    const parts = text.replace(/^\[descriptor\] /, "").split(/\r?\n/);
    assert.equal(lines.length, parts.length, JSON.stringify(text));
    lines.forEach((line, i) => {
      assert.ok(line.startsWith("[descriptor] "), JSON.stringify(line));
      assert.doesNotMatch(line, UNSAFE, JSON.stringify(line));
      if (!UNSAFE.test(parts[i]!)) assert.equal(line, `[descriptor] ${parts[i]}`, "plain text is printed as it is");
    });
  }
});

test("code frames come only from the sources given, escaped, with the caret under the same characters", () => {
  const file = join(repoRoot, "package.json");
  const diagnostic = error("TKC9999", "message", { location: { file, line: 2, column: 16, length: 3 }, hint: "a \u001b[2K hint" });
  const unread = renderDiagnostic(diagnostic, { cwd: repoRoot, color: false });
  assert.equal(unread, "package.json:2:16 error TKC9999: message\n  hint: a \\u001b[2K hint", "no frame: the file on disk is not read");

  const text = 'first\n  a: "\u001b[31m\u0007", bad: 1\n';
  const framed = renderDiagnostic(diagnostic, { cwd: repoRoot, color: false, sources: { [file]: text } });
  assert.equal(
    framed,
    [
      "package.json:2:16 error TKC9999: message",
      '  2 |   a: "\\u001b[31m\\u0007", bad: 1',
      // 25 = the width of `  a: "\u001b[31m\u0007", ` once escaped: the caret stays under `bad`.
      `    | ${" ".repeat(25)}^^^`,
      "  hint: a \\u001b[2K hint",
    ].join("\n"),
  );
});

test("tkc validate draws its frames from the files it validates", () => {
  const dir = tempDir();
  const file = join(dir, "bad.yaml");
  writeFiles(dir, { "bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n" });
  const result = runTkc(["validate", file]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /bad\.yaml:4:\d+ error TKC3101: [^\n]*\n  4 \|   name: Bad_Name\n/);
});
