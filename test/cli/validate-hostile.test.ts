// Hostile or huge input ends in a clear error (or success) in bounded time and memory: never a
// crash, an abort or exit 70. Inputs are generated here; the V8 heap is capped at 512 MB (a run
// that needs more aborts and fails the test) and each run has a generous time-out (a hang fails).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";
import type { KubeObject, SourcedObject } from "../../compiler/model/object.js";
import { validateObjects } from "../../compiler/validate/validate.js";

function tkc(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--max-old-space-size=512", join(repoRoot, "bin", "tkc.cjs"), "validate", ...args], {
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  assert.equal(result.error, undefined, `did not finish: ${result.error?.message}`);
  assert.notEqual(result.status, 70, result.stderr.slice(0, 2000));
  assert.equal(result.signal, null, `killed by ${result.signal}: ${result.stderr.slice(-2000)}`);
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const dir = tempDir("tkc-hostile-");
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test("/dev/zero and other non-regular files are refused without reading them", { skip: existsSync("/dev/zero") ? false : "no /dev/zero here" }, () => {
  const result = tkc(["/dev/zero"]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /\/dev\/zero:1:1 error TKC1111: \/dev\/zero is a device/);
});

test("a 3 GB sparse file is refused by its size, before a byte is read", () => {
  const path = join(dir, "sparse.yaml");
  const fd = openSync(path, "w");
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
  const result = tkc([path]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /sparse\.yaml:1:1 error TKC1107: the file is 3072\.0 MiB; tkc reads YAML files up to 16\.0 MiB/);
});

// Its size is not known: it was said to "be 16.0 MiB", the limit itself.
test("standard input that goes on past 16 MiB is refused after one byte more, and says so", () => {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), "validate", "-"], { input: "a: b\n".repeat(5 * 1024 * 1024), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /^<stdin>:1:1 error TKC1107: the input goes on past 16\.0 MiB, the most tkc reads of a YAML file\n/);
});

test("16 MB of --- and 3M empty documents stop at the document limit, and say so", () => {
  for (const [name, count] of [["dashes.yaml", 4 * 1024 * 1024], ["empty.yaml", 3_000_000]] as const) {
    const path = file(name, "---\n".repeat(count));
    const result = tkc([path], { TKC_MAX_DOCUMENTS: "5000" });
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`${name}:5001:1 error TKC1112: tkc reads at most 5,000 YAML documents per run`));
  }
});

test("six documents, each with a 1 MB anchor used as 998 label values: bounded memory, short messages, capped output", () => {
  const big = "x".repeat(1024 * 1024);
  let text = "";
  for (let d = 0; d < 6; d++) {
    text += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${d}\n  labels:\n    l0: &a ${big}\n`;
    for (let i = 1; i < 998; i++) text += `    l${i}: *a\n`;
  }
  const result = tkc([file("anchors.yaml", text)], { TKC_MAX_DIAGNOSTICS: "20" });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /error TKC3106: label value "xxxx[^\n]{0,100}\.\.\. of "l0" is not valid/);
  assert.match(result.stderr, /\.\.\. \d+ more not shown \(tkc prints at most 20 diagnostics per run\)/);
  assert.match(result.stderr, /5988 errors, 6 warnings/);
  assert.ok(result.stderr.length < 200_000, `stderr is ${result.stderr.length} characters: values are not cut short`);
});

/** A CRD of example.com/v1 `kind` whose custom resources' `spec` has the schema `spec`. */
function crdOf(kind: string, spec: unknown) {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.example.com` },
    spec: {
      group: "example.com",
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      scope: "Namespaced",
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec } } } }],
    },
  };
}

/** A CRD whose schema nests `depth` objects, and a custom resource of it with a wrong type. */
function deepCrd(depth: number): string {
  let node: unknown = { type: "string" };
  for (let i = 0; i < depth; i++) node = { type: "object", properties: { a: node, b: { type: "object", properties: { z: { type: "integer" } } } } };
  const crd = crdOf("Deep", node);
  const resource = { apiVersion: "example.com/v1", kind: "Deep", metadata: { name: "x" }, spec: { a: { a: { b: { z: "notint" } } } } };
  // Written as JSON with a space after each ":" and ",", as Python's json.dumps writes it, in a
  // YAML stream (a file that starts with "{" is one JSON stream to kubectl, where "---" is not allowed).
  const spaced = (value: unknown) => JSON.stringify(value).replace(/":/g, '": ').replace(/,"/g, ', "');
  return `# a CRD and a custom resource of it\n${spaced(crd)}\n---\n${spaced(resource)}\n`;
}

test("a CRD nested hundreds of levels deep: its custom resources are checked, or said not to be, and the run never ends in an internal error", () => {
  // 200 levels: checked against the CRD (its repeated parts shared by the compiler).
  const checked = tkc([file("deep-200.yaml", deepCrd(200))]);
  assert.equal(checked.status, 1);
  assert.match(checked.stderr, /deep-200\.yaml:4:\d+ error TKC3003: spec\.a\.a\.b\.z: expected integer, got string "notint"/);
  // 600 levels: the CRD's schema cannot be converted; its resource is not checked, and says so.
  const unusable = tkc([file("deep-600.yaml", deepCrd(600))]);
  assert.equal(unusable.status, 0, unusable.stderr);
  assert.match(unusable.stderr, /deep-600\.yaml:4:2 warning TKC3006: example\.com\/v1 Deep is not checked: tkc cannot use the schema of the CustomResourceDefinition beside it/);
  // 1,000 levels: the CRD object itself is deeper than the validators' stack (it was an internal error).
  const tooDeep = tkc([file("deep-1000.yaml", deepCrd(1000))]);
  assert.equal(tooDeep.status, 0, tooDeep.stderr);
  assert.match(tooDeep.stderr, /deep-1000\.yaml:2:2 warning TKC3007: apiextensions\.k8s\.io\/v1 CustomResourceDefinition is not checked: it is nested too deeply for tkc's validators/);
  assert.doesNotMatch(tooDeep.stderr, /internal error/);
});

// Two such documents in one run once aborted the process (V8 compiling a regular expression with
// the reader's stack used up): exit 134 and a native stack trace.
test("YAML nested deeper than tkc reads is one clear error per file, at the place, in every layout", () => {
  // JSON-style documents 2,000 levels deep are still read (by the simple reader); 6,000 are not.
  const depth = 2000;
  const jsonDepth = 6000;
  const head = (name: string) => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "${name}"}, "data": `;
  const files = [
    file("deep-lists.yaml", `${head("a")}${"[".repeat(jsonDepth)}${"]".repeat(jsonDepth)}}\n`),
    file("deep-maps.yaml", `${head("b")}${'{"a": '.repeat(jsonDepth)}1${"}".repeat(jsonDepth)}}\n`),
    file("deep-block.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n" + Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n") + " 1\n"),
    file("deep-dashes.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  k:\n  " + "- ".repeat(depth) + "x\n"),
  ];
  const result = tkc(files);
  assert.equal(result.status, 1);
  for (const [name, line] of [["deep-lists", 1], ["deep-maps", 1], ["deep-block", 405], ["deep-dashes", 7]] as const) {
    assert.match(result.stderr, new RegExp(`${name}\\.yaml:${line}:\\d+ error TKC1101: this YAML nests deeper than 400 levels, which tkc does not read\n`), `${name}: ${result.stderr.slice(0, 3000)}`);
  }
  assert.match(result.stderr, /hint: no Kubernetes object nests this deeply/);
  assert.match(result.stderr, /4 errors, 0 warnings/);
});

// With JavaScript's backtracking engine, this pattern and value took minutes (a hang in CI). The
// API server matches `pattern` with Go's RE2, in linear time; so does tkc for a CRD beside it.
test("a CRD's catastrophic pattern is matched in linear time, as the API server matches it", () => {
  const crd = crdOf("Thing", { type: "object", properties: { value: { type: "string", pattern: "^(a+)+$" }, letters: { type: "string", pattern: "^\\p{L}+$" } } });
  const resource = { apiVersion: "example.com/v1", kind: "Thing", metadata: { name: "t" }, spec: { value: `${"a".repeat(40)}b`, letters: "héllo" } };
  const result = tkc([file("redos.yaml", `# a CRD and a custom resource of it\n${JSON.stringify(crd)}\n---\n${JSON.stringify(resource)}\n`)]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /redos\.yaml:4:\d+ error TKC3005: spec\.value: "a{40}b" does not match \^\(a\+\)\+\$/);
  // Unicode classes still match as Go matches them (tkc() gives up after 3 minutes: a backtracking run fails there).
  assert.doesNotMatch(result.stderr, /spec\.letters/);
  assert.match(result.stderr, /1 error, 0 warnings/);
});

test("1M keys in one mapping is refused as larger than any object the API server takes", () => {
  let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
  const keys: string[] = [];
  for (let i = 0; i < 1_000_000; i++) keys.push(`  k${i}: v\n`);
  text += keys.join("");
  const result = tkc([file("keys.yaml", text)]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /keys\.yaml:1:1 error TKC1114: this YAML document is 1\d\.\d MiB; the API server takes objects up to 3\.0 MiB/);
});

test("many small objects validate (10k through the CLI; 150k in process, with no argument spreading)", () => {
  const docs: string[] = [];
  for (let i = 0; i < 10_000; i++) docs.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`);
  const result = tkc([file("many.yaml", docs.join(""))]);
  assert.equal(result.status, 0, result.stderr.slice(0, 2000));
  assert.equal(result.stdout, "10000 objects valid for Kubernetes 1.36\n");
  // push(...array) with 150k items overflows the stack; every stage after reading must not spread
  const objects: SourcedObject[] = [];
  for (let i = 0; i < 150_000; i++) objects.push({ object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}` }, data: { k: "v" } } as KubeObject });
  assert.deepEqual(validateObjects(objects, "1.36", { policy: "warning", unknownCustomResources: "skip" }), []);
});
