// Files saved in Windows-1252 or Latin-1: every reader (tsc, esbuild, kubectl) turns each such
// byte into U+FFFD, so the value that reaches the cluster is not the one written. tkc says so
// (TKC1115), at the first such byte, and still builds or validates as those readers do.
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runTkc, tempDir } from "../support/cli.js";

const LATIN1_GREETING = Buffer.from([0x67, 0x72, 0xfc, 0xdf]); // "grüß" in Latin-1

test("a text file a descriptor imports, not UTF-8: a warning at its first such byte, and the build goes on", () => {
  const dir = join(tempDir(), "app");
  assert.equal(runTkc(["init", dir]).status, 0);
  writeFileSync(join(dir, "greeting.txt"), Buffer.concat([Buffer.from("hello\nsay: "), LATIN1_GREETING, Buffer.from("\n")]));
  writeFileSync(join(dir, "greeting.k8s.ts"), 'import { configMap } from "tkc";\nimport text from "./greeting.txt";\n\nexport const greeting = configMap({ name: "greeting", data: { text } });\n');
  const release = join(dir, "release.k8s.ts");
  writeFileSync(release, readFileSync(release, "utf8").replace(/^(import [^\n]*\n)/, '$1import { greeting } from "./greeting.k8s.ts";\n').replace(/components: \[/, "components: [greeting, "));
  const built = runTkc(["build", dir, "--env", "dev"]);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stderr, /greeting\.txt:2:8 warning TKC1115: this file is not UTF-8 \(byte 0xFC\): tkc reads every such byte of an imported file as “�”, so that is what the bundle holds/);
  const object = readdirSync(join(dir, "out", "app", "dev", "objects")).find((f) => f.includes("greeting"))!;
  assert.match(readFileSync(join(dir, "out", "app", "dev", "objects", object), "utf8"), /say: gr\uFFFD\uFFFD/);
});

test("a manifest that is not UTF-8: tkc validate reads it as kubectl does, with a warning at the byte, from a file or standard input", () => {
  const dir = tempDir();
  const file = join(dir, "cm.yaml");
  writeFileSync(file, Buffer.concat([Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "), LATIN1_GREETING, Buffer.from("\n")]));
  const validated = runTkc(["validate", "cm.yaml"], { cwd: dir });
  assert.equal(validated.status, 0, validated.stderr);
  assert.match(validated.stderr, /^cm\.yaml:6:8 warning TKC1115: this file is not UTF-8 \(byte 0xFC\): tkc, like kubectl, reads every such byte as “�”/m);
  const piped = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "-"], { input: readFileSync(file), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(piped.status, 0, piped.stderr);
  assert.match(piped.stderr, /^<stdin>:6:8 warning TKC1115: /m);
  // UTF-8 and UTF-16 files have no such warning
  writeFileSync(join(dir, "utf8.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  a: grüß\n");
  writeFileSync(join(dir, "utf16.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\ndata:\n  a: grüß\n", "utf16le")]));
  const clean = runTkc(["validate", "utf8.yaml", "utf16.yaml"], { cwd: dir });
  assert.equal(clean.status, 0, clean.stderr);
  assert.doesNotMatch(clean.stderr, /TKC1115/);
});
