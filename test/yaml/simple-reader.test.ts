import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import fc from "../support/fast-check.js";
import { repoRoot } from "../support/cli.js";
import { jsonValue, NASTY_CHARS, YAML_SPECIALS } from "../support/yaml-values.js";
import { toCanonicalYaml } from "../../compiler/emit/yaml-writer.js";
import { readKubernetesYaml, type ReadResult } from "../../compiler/load/yaml/read.js";
import { readSimpleYaml } from "../../compiler/load/yaml/simple/parse.js";

// The simple reader must give exactly what the full reader (the `yaml` package) gives, or decline.

function comparable(result: ReadResult): string {
  return JSON.stringify({
    objects: result.objects.map((o) => ({ object: o.object, origin: o.origin, fieldOrigins: [...(o.fieldOrigins ?? [])] })),
    diagnostics: result.diagnostics,
    secretLines: [...result.secretLines].sort((a, b) => a - b),
    secretValues: result.secretValues,
  });
}

/** True when the simple reader read `text` (and then read it as the full reader does). */
function assertSameAsFull(file: string, text: string): boolean {
  if (!readSimpleYaml(file, text)) return false;
  const simple = comparable(readKubernetesYaml(file, text));
  const full = comparable(readKubernetesYaml(file, text, { reader: "full" }));
  if (simple !== full) {
    let at = 0;
    while (simple[at] === full[at]) at++;
    assert.fail(`the simple reader differs from the full one on ${file} (${JSON.stringify(text.slice(0, 300))}):\n  simple: ...${simple.slice(Math.max(0, at - 150), at + 150)}\n  full:   ...${full.slice(Math.max(0, at - 150), at + 150)}`);
  }
  return true;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });

function assertFiles(files: readonly string[], minimumShare: number): void {
  let bytes = 0;
  let simpleBytes = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    if (assertSameAsFull(file, text)) simpleBytes += text.length;
  }
  // the fast path must really be taken for manifests as projects write them
  assert.ok(simpleBytes >= bytes * minimumShare, `the simple reader read ${((100 * simpleBytes) / bytes).toFixed(1)}% of ${files.length} files' bytes; expected at least ${100 * minimumShare}%`);
}

const shared = join(repoRoot, "..", "shared");

// The files under 200 KB: 402 of the 427, 3 MB. All 30 MB take the full reader ~6 s more, so the
// suite leaves the 25 largest to TKC_SIMPLE_YAML_ALL=1 (the corpus test reads them, simple, anyway).
const sizeLimit = process.env.TKC_SIMPLE_YAML_ALL === "1" ? Infinity : 200 * 1024;

test("manifests nobody here wrote (../shared/realworld and crds): the simple reader reads most of them, exactly as the full reader", { skip: existsSync(join(shared, "realworld")) ? false : `skipped: ${shared} is absent` }, () => {
  const files = [...yamlFiles(join(shared, "realworld")), ...yamlFiles(join(shared, "crds"))].filter((file) => statSync(file).size < sizeLimit);
  assert.ok(files.length > 400, `the corpus looks truncated: ${files.length} files`);
  // 92% of these bytes (99% of all 30 MB); the rest is mostly flow mappings over several lines
  assertFiles(files, sizeLimit === Infinity ? 0.95 : 0.8);
});

test("the repository's own YAML (goldens, fixtures, docs) reads the same through both readers", () => {
  assertFiles(["examples", "test", "stdlib", "docs"].flatMap((dir) => yamlFiles(join(repoRoot, dir))), 0.9);
});

const object = (data: unknown) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", labels: { "app.kubernetes.io/name": "x" } }, data });
const secret = (data: unknown) => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: data, data: { a: "eA==" } });

/** The texts several writers make of one value: ours, and the `yaml` package's with narrow lines (folded scalars), quotes, block literals and flow collections. */
function writings(value: unknown): string[] {
  return [
    toCanonicalYaml(value),
    YAML.stringify(value),
    YAML.stringify(value, { lineWidth: 20, minContentWidth: 0 }),
    YAML.stringify(value, { lineWidth: 24, minContentWidth: 0, defaultStringType: "QUOTE_DOUBLE", indentSeq: false }),
    YAML.stringify(value, { lineWidth: 24, minContentWidth: 0, defaultStringType: "QUOTE_SINGLE", indent: 4 }),
    YAML.stringify(value, { defaultStringType: "BLOCK_LITERAL", lineWidth: 0 }),
    YAML.stringify(value, { collectionStyle: "flow", lineWidth: 0 }),
  ];
}

test("arbitrary values, as several writers write them: the simple reader reads them as the full reader", () => {
  fc.assert(
    fc.property(jsonValue, (value) => {
      for (const text of [...writings(object(value)), ...writings(secret(value)), writings(object(value))[2] + "---\n" + writings(secret(value))[1]]) assertSameAsFull("values.yaml", text);
    }),
    { numRuns: 400, includeErrorInReport: true },
  );
});

/** One edit of a line: what a hand-edited manifest gets wrong (a character, an indentation, a line too many). */
const edit = fc.record({
  line: fc.nat(),
  kind: fc.constantFrom("insert", "delete", "indent", "dedent", "duplicate"),
  at: fc.nat(),
  char: fc.constantFrom(...NASTY_CHARS, "  ", "- ", ": ", " #", "&a ", "*a", "!!str "),
});

function applyEdit(text: string, change: { line: number; kind: string; at: number; char: string }): string {
  const lines = text.split("\n");
  const i = change.line % lines.length;
  const line = lines[i]!;
  const at = change.at % (line.length + 1);
  if (change.kind === "insert") lines[i] = line.slice(0, at) + change.char + line.slice(at);
  else if (change.kind === "delete") lines[i] = line.slice(0, at) + line.slice(at + 1);
  else if (change.kind === "indent") lines[i] = " " + line;
  else if (change.kind === "dedent") lines[i] = line.replace(/^ /, "");
  else lines.splice(i, 0, line);
  return lines.join("\n");
}

test("hand-edited manifests, mistakes included: the simple reader reads them as the full reader, or leaves them to it", () => {
  fc.assert(
    fc.property(jsonValue, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.nat(6), (value, edits, writer) => {
      const written = writings(object(value))[writer]!;
      assertSameAsFull("edited.yaml", edits.reduce(applyEdit, written));
    }),
    { numRuns: 1500, includeErrorInReport: true },
  );
});

test("YAML's special words and numbers, as keys and values, plain and quoted, in block and flow", () => {
  for (const s of YAML_SPECIALS) {
    for (const text of writings(object({ [s]: s, list: [s, { [s]: [s] }] }))) assertSameAsFull("specials.yaml", text);
    if (!/[\n\r\t"'\\,[\]{}#:]/.test(s)) assertSameAsFull("flow.yaml", `kind: K\napiVersion: v1\nmetadata: {}\nx: [${s}, "${s}", '${s}']\n`);
  }
});

test("shapes the simple reader leaves to the full reader", () => {
  const declined = [
    "a: &x 1\nb: *x\n", // anchors and aliases
    "a: !!str 1\n", // tags
    "%YAML 1.2\n---\na: 1\n", // directives
    "a: 1\na: 2\n", // a duplicate key (a warning of the full reader's)
    "a:\n\t- 1\n", // a tab in the indentation
    "a: {b: 1,\n  c: 2}\n", // a flow collection over several lines
    "? a\n: 1\n", // an explicit key
    "a: b: c\n", // a mapping where a scalar must be
    "a: 1\n  b: 2\n", // a more indented line after a scalar
    "a: |+\n\nb: 1\n", // keep chomping without content
    "a: |\n  x\n   \n", // a last line of spaces longer than the indentation
    "a: 'x\nb: 1\n", // an unclosed quote
    "a: \"\\q\"\n", // an escape YAML does not have
    "a: 1\r\n", // CR
    "- - x\n", // a sequence in a sequence entry's line
  ];
  for (const text of declined) assert.equal(readSimpleYaml("x.yaml", text), undefined, `declined: ${JSON.stringify(text)}`);
  const read = [
    "a: |\n  x\n\n  y\nb: >-\n  folded\n  text\n",
    "a: \"one\n  two \\\n  three\\ \n  four\"\nb: 'it''s\n\n  x'\n",
    "list:\n- a\n-\n  b: 1\n- [x, \"y\"]\n",
    "match:\n- {key: app.kubernetes.io/name, operator: In, values: [api, \"web\"]}\n- {'key': x, \"on\": {a: [b, {c: d}]}}\n",
    "a: plain\n  continued\n\n  after an empty line\nb: 1\n",
  ];
  // counterexamples random seeds found (TKC_FC_SEED=random), kept: empty sequence entries, a
  // block scalar whose first line is spaces beyond its indentation, a Secret whose first key is
  // not the first of its object's keys ("0" sorts first in JavaScript), a kept block scalar's
  // empty lines (masked with the Secret's data)
  const configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";
  const found = [
    configMap + "l:\n- \n-\n-   # c\n- x\n-",
    configMap + "data:\n  \"\": 0\n  \" \":\n  - # false\n  \"1.5\": false\n",
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: eA==\nstringData:\n  \"\": false\n  \"0\": false\n",
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  k: |+\n    a\n\n\nz: 1\n",
  ];
  for (const text of found) assert.ok(assertSameAsFull("found.yaml", text), `read by the simple reader: ${JSON.stringify(text)}`);
  assert.equal(readSimpleYaml("found.yaml", configMap + "data: |-\n   \n  é\n"), undefined, "a block scalar whose first line is spaces beyond its indentation is declined");
  for (const body of read) {
    const text = `apiVersion: v1\nkind: K\nmetadata:\n  name: n\n${body}`;
    assert.ok(assertSameAsFull("x.yaml", text), `read by the simple reader: ${JSON.stringify(body)}`);
  }
});
