import { test } from "node:test";
import assert from "node:assert/strict";
import { largestDocument, readKubernetesYaml } from "../../compiler/load/yaml/read.js";
import { locate } from "../../compiler/validate/locate.js";
import fc from "../support/fast-check.js";
import { toCanonicalYaml } from "../../compiler/emit/yaml-writer.js";
import { toPointer, type JsonPath } from "../../compiler/model/path.js";
import type { SourcedObject } from "../../compiler/model/object.js";

function at(sourced: SourcedObject, path: JsonPath): string | undefined {
  const location = sourced.fieldOrigins?.get(toPointer(path));
  return location && `${location.file}:${location.line}:${location.column}+${location.length}`;
}

const MANIFESTS = `# shop backend
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: api
        image: registry.example.com/shop/api:1.25
        ports:
        - containerPort: 8080
---
# nothing here but a comment
---
---
apiVersion: v1
kind: Service
metadata: { name: api, labels: { "app.kubernetes.io/name": api } }
spec:
  ports: [{ port: 80, targetPort: 8080 }]
`;

test("reads every object of a multi-document file with the position of each key and item", () => {
  const { objects, diagnostics } = readKubernetesYaml("k8s/api.yaml", MANIFESTS);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(objects.map((o) => o.object.kind), ["Deployment", "Service"]);
  const [deployment, service] = objects;
  assert.equal(deployment.object.spec && (deployment.object.spec as { replicas: number }).replicas, 3);
  assert.deepEqual(deployment.origin, { file: "k8s/api.yaml", line: 3, column: 1, length: 1 });
  assert.equal(at(deployment, ["spec", "replicas"]), "k8s/api.yaml:9:3+8");
  assert.equal(at(deployment, ["spec", "template", "spec", "containers", 0]), "k8s/api.yaml:13:9+9");
  assert.equal(at(deployment, ["spec", "template", "spec", "containers", 0, "image"]), "k8s/api.yaml:14:9+5");
  assert.equal(at(deployment, ["spec", "template", "spec", "containers", 0, "ports", 0, "containerPort"]), "k8s/api.yaml:16:11+13");
  assert.equal(service.origin?.line, 21);
  assert.equal(at(service, ["metadata", "labels", "app.kubernetes.io/name"]), "k8s/api.yaml:23:34+24");
  assert.equal(at(service, ["spec", "ports", 0, "targetPort"]), "k8s/api.yaml:25:23+10");
});

test("a syntax error is reported at its line and column, and the other documents still load", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n data:\n  x: 1\n";
  const { objects, diagnostics } = readKubernetesYaml("bad.yaml", text);
  assert.deepEqual(objects.map((o) => o.object.metadata.name), ["a"]);
  assert.ok(diagnostics.length >= 1);
  const [first] = diagnostics;
  assert.equal(first.code, "TKC1101");
  assert.equal(first.severity, "error");
  assert.deepEqual([first.location?.file, first.location?.line, first.location?.column], ["bad.yaml", 10, 2]);
  assert.match(first.message, /^[a-z]/);
  assert.ok(first.hint);
});

test("a tab used as indentation gets its own hint", () => {
  const { diagnostics } = readKubernetesYaml("tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n");
  assert.equal(diagnostics[0].code, "TKC1101");
  assert.equal(diagnostics[0].location?.line, 4);
  assert.match(diagnostics[0].hint ?? "", /tabs/);
});

function billionLaughs(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]\n`;
  }
  return text;
}

test("a billion-laughs document is refused, not expanded", () => {
  const text = billionLaughs();
  assert.ok(text.length > 400 && text.length < 1200, `${text.length} bytes`);
  const { objects, diagnostics } = readKubernetesYaml("bomb.yaml", text);
  assert.deepEqual(objects, []);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, "TKC1103");
  assert.equal(diagnostics[0].location?.line, 10);
});

test("an alias to its own anchor is refused", () => {
  const { objects, diagnostics } = readKubernetesYaml("cycle.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: a\n  self: *m\n");
  assert.deepEqual(objects, []);
  assert.equal(diagnostics[0].code, "TKC1103");
  assert.equal(diagnostics[0].location?.line, 5);
});

test("small anchors, aliases and merge keys are accepted, with a note", () => {
  const text = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: api",
    "  labels: &labels",
    "    app: api",
    "spec:",
    "  selector:",
    "    matchLabels: *labels",
    "  template:",
    "    metadata:",
    "      labels:",
    "        <<: *labels",
    "        tier: web",
    "",
  ].join("\n");
  const { objects, diagnostics } = readKubernetesYaml("anchors.yaml", text);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [["TKC1104", "warning"]]);
  assert.deepEqual(objects[0].object.spec, { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api", tier: "web" } } } });
  assert.equal(at(objects[0], ["spec", "selector", "matchLabels"]), "anchors.yaml:9:5+11");
});

test("documents that are not Kubernetes objects are refused with a reason", () => {
  const text = "just a string\n---\n- a\n- b\n---\nfoo: bar\n---\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\ndata: {}\n---\nnull\n";
  const { objects, diagnostics } = readKubernetesYaml("odd.yaml", text);
  assert.deepEqual(objects, []);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.location?.line, d.message]),
    [
      ["TKC1105", 1, "this document is not a Kubernetes object: it is a string"],
      ["TKC1105", 3, "this document is not a Kubernetes object: it is a list"],
      ["TKC1105", 6, "this document is not a Kubernetes object: it has no kind"],
      ["TKC1105", 8, "this document is not a Kubernetes object: it has no apiVersion"],
      ["TKC1106", 11, "this ConfigMap has no metadata.name"],
      ["TKC1105", 15, "this document is not a Kubernetes object: it is null"],
    ],
  );
  for (const d of diagnostics) assert.ok(d.hint, d.code);
  assert.equal(diagnostics[4].object, "v1 ConfigMap <unnamed>");
});

test("a kind: List is flattened into its items, each with its own field positions", () => {
  const text = [
    "apiVersion: v1",
    "kind: List",
    "items:",
    "- apiVersion: v1",
    "  kind: ConfigMap",
    "  metadata:",
    "    name: a",
    "- apiVersion: v1",
    "  kind: Secret",
    "  metadata:",
    "    name: b",
    "  stringData:",
    "    password: hunter2",
    "- kind: Oops",
    "",
  ].join("\n");
  const { objects, diagnostics } = readKubernetesYaml("list.yaml", text);
  assert.deepEqual(objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`), ["ConfigMap/a", "Secret/b"]);
  assert.equal(objects[1].origin?.line, 8);
  assert.equal(at(objects[1], ["stringData", "password"]), "list.yaml:13:5+8");
  assert.equal(at(objects[1], ["kind"]), "list.yaml:9:3+4");
  assert.equal(objects[1].fieldOrigins?.has("/items/1/kind"), false);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.location?.line]), [["TKC1105", 14]]);
});

test("a duplicate key is a warning pointing at both keys; the last value wins, as in kubectl", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: one\n  other: x\n  key: two\n";
  const { objects, diagnostics } = readKubernetesYaml("dup.yaml", text);
  assert.deepEqual(objects[0]?.object.data, { key: "two", other: "x" });
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.equal(d.code, "TKC1102");
  assert.equal(d.severity, "warning");
  assert.deepEqual([d.location?.line, d.location?.column, d.location?.length], [8, 3, 3]);
  assert.equal(d.related?.[0].location?.line, 6);
});

test("null means absent, as in Go's JSON decoding: null mapping values are dropped, list items kept", () => {
  const text = "apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: null}\nspec:\n  ports:\n    - port: 80\n      nodePort: null\n  selector: ~\n";
  const { objects, diagnostics } = readKubernetesYaml("null.yaml", text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(objects[0]?.object, { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80 }] } });
});

test("YAML that kubectl reads but YAML 1.2 refuses (an escaped single quote) is a warning, and the object is read", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  cmd: \"echo \\'x\\'\"\n";
  const { objects, diagnostics } = readKubernetesYaml("lenient.yaml", text);
  assert.equal(objects.length, 1);
  assert.deepEqual([...new Set(diagnostics.map((d) => [d.code, d.severity, d.location?.line].join(" ")))], ["TKC1110 warning 5"]);
});

test("a malformed document does not hide the documents around it", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n";
  const { objects, diagnostics } = readKubernetesYaml("mixed.yaml", text);
  assert.deepEqual(objects.map((o) => o.object.metadata.name), ["a", "b"]);
  assert.ok(diagnostics.some((d) => d.code === "TKC1101" && d.severity === "error"));
});

test("YAML 1.1 pitfalls are warnings that suggest quotes; values are read as YAML 1.2, except octal integers, read as kubectl reads them", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  enabled: yes\n  mode: 0644\n  quoted: \"no\"\n  time: 12:30\n  on: x\n  port: 8080\n";
  const { objects, diagnostics } = readKubernetesYaml("pitfalls.yaml", text);
  assert.deepEqual(objects[0].object.data, { enabled: "yes", mode: 0o644, quoted: "no", time: "12:30", on: "x", port: 8080 });
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column]),
    [
      ["TKC1108", "warning", 6, 12],
      ["TKC1108", "warning", 7, 9],
      ["TKC1108", "warning", 9, 9],
      ["TKC1108", "warning", 10, 3],
    ],
  );
  assert.equal(diagnostics[0].hint, 'quote it if you mean the string: "yes"');
  assert.equal(diagnostics[1].message, "the unquoted 0644 is the octal number 420 to kubectl's YAML 1.1 reader (and to tkc), but 644 to YAML 1.2 tools");
});

test("octal integers as Go's yaml.v2 reads them: sign, underscores, leading zeros; 0, 08 and 0o7 are not octal", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  a: 0400\n  b: -017\n  c: 0_755\n  d: 0\n  e: 08\n  f: 00\n  g: 0o7\n";
  const { objects } = readKubernetesYaml("octal.yaml", text);
  assert.deepEqual(objects[0].object.data, { a: 256, b: -15, c: 493, d: 0, e: 8, f: 0, g: 7 });
});

test("explicit tags do not smuggle non-JSON values (Buffer, Set, Date) into objects", () => {
  const text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: !!binary aGVsbG8=\n  b: !!set {x}\n  c: !!timestamp 2020-01-01\n";
  const { objects, diagnostics } = readKubernetesYaml("tags.yaml", text);
  // `!!set {x}` is a mapping of x to null; null means absent
  assert.deepEqual(objects[0].object.data, { a: "aGVsbG8=", b: {}, c: "2020-01-01" });
  assert.deepEqual(diagnostics.map((d) => [d.code, d.location?.line, d.message]), [
    ["TKC1109", 5, "unresolved tag: !!binary"],
    ["TKC1109", 6, "unresolved tag: !!set"],
    ["TKC1109", 7, "unresolved tag: !!timestamp"],
  ]);
});

test("a file over 16 MiB is refused before parsing", () => {
  const text = "# " + "x".repeat(16 * 1024 * 1024);
  const { objects, diagnostics } = readKubernetesYaml("huge.yaml", text);
  assert.deepEqual(objects, []);
  assert.equal(diagnostics[0].code, "TKC1107");
});

test("empty input and comment-only input give nothing and say nothing", () => {
  for (const text of ["", "\n\n", "# c\n", "---\n", "---\n# c\n---\n...\n"]) {
    const { objects, diagnostics } = readKubernetesYaml("empty.yaml", text);
    assert.deepEqual({ objects, diagnostics }, { objects: [], diagnostics: [] }, JSON.stringify(text));
  }
});

test("what the canonical writer emits reads back unchanged and without warnings", () => {
  const object = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cfg", labels: { enabled: "yes" } },
    data: { "app.conf": "a = 1\n  b = 2\n", mode: "0644", time: "12:30", empty: "" },
  };
  const { objects, diagnostics } = readKubernetesYaml("emitted.yaml", toCanonicalYaml(object));
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(objects[0].object, object);
});

// sigs.k8s.io/yaml turns keys into JSON strings and refuses a list or mapping as a key
// ("unsupported map key of type"); the yaml package stringified it with a process warning on stderr.
test("a list or mapping used as a key is an error at the key, and the yaml package prints no warning", () => {
  const warnings: string[] = [];
  const listen = (warning: Error) => warnings.push(warning.message);
  process.on("warning", listen);
  try {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\n  labels:\n    ? {a: b}\n    : c\ndata:\n  ? [p, q]\n  : z\n";
    const result = readKubernetesYaml("keys.yaml", text);
    const shown = result.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`);
    assert.deepEqual(shown, [
      "6:7 TKC1101 this mapping key is a list or a mapping: the API server reads YAML as JSON, whose keys are strings, and refuses it",
      "9:5 TKC1101 this mapping key is a list or a mapping: the API server reads YAML as JSON, whose keys are strings, and refuses it",
    ]);
  } finally {
    process.off("warning", listen);
  }
  assert.deepEqual(warnings, []);
});

// Go's yaml.v2 (kubectl) keeps a plain number that overflows a float as its text; YAML 1.2's core
// schema reads infinity, which no JSON can carry. A string-typed field must not be refused for it.
test("a plain number beyond any float is read as its text, as kubectl reads it, with a warning, by both readers", () => {
  const huge = "1" + "0".repeat(400);
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  exp: 1e400\n  digits: ${huge}\n  negative: -2.5E+999\n  real: .inf\n  fine: 1e300\n`;
  for (const reader of ["simple", "full"] as const) {
    const { objects, diagnostics } = readKubernetesYaml("big.yaml", text, reader === "full" ? { reader } : {});
    assert.deepEqual(objects[0]!.object.data, { exp: "1e400", digits: huge, negative: "-2.5E+999", real: Infinity, fine: 1e300 }, reader);
    const shown = diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`);
    assert.deepEqual(shown, [
      "6:8 TKC1108 the unquoted 1e400 is beyond any number: kubectl's YAML 1.1 reader keeps it as a string (and so does tkc), YAML 1.2 tools read infinity",
      `7:11 TKC1108 the unquoted ${huge.slice(0, 40)}... is beyond any number: kubectl's YAML 1.1 reader keeps it as a string (and so does tkc), YAML 1.2 tools read infinity`,
      "8:13 TKC1108 the unquoted -2.5E+999 is beyond any number: kubectl's YAML 1.1 reader keeps it as a string (and so does tkc), YAML 1.2 tools read infinity",
    ], reader);
  }
});

// The size check runs before parsing, on document markers found by scanning: the same markers a
// multiline regular expression finds (the scan replaced one that built a match per marker).
test("the largest document is found between the markers a line-anchored regular expression finds", () => {
  const reference = (text: string) => {
    let best = { start: 0, length: 0 };
    let start = 0;
    const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
    for (let match = marker.exec(text); match; match = marker.exec(text)) {
      if (match.index - start > best.length) best = { start, length: match.index - start };
      start = match.index + 3;
    }
    if (text.length - start > best.length) best = { start, length: text.length - start };
    return best;
  };
  const text = fc.array(fc.constantFrom("---", "...", "-", ".", "a: b", " ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "#"), { maxLength: 30 }).map((parts) => parts.join(""));
  fc.assert(fc.property(text, (source) => assert.deepEqual(largestDocument(source), reference(source))), { numRuns: 5000 });
});

// YAML escapes name code points: kubectl's reader (Go's yaml) refuses a surrogate in one, as JSON
// writes an emoji ("\ud83d\ude00"), though JavaScript's reader pairs them up.
test("a \\u escape of a surrogate in double quotes is refused, as kubectl refuses the file; literal backslashes are not escapes", () => {
  const head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n";
  for (const reader of [undefined, "full"] as const) {
    const pair = readKubernetesYaml("pair.yaml", `${head}  a: "\\ud83d\\ude00"\n`, { reader });
    assert.deepEqual(pair.objects, [], "the document is not read");
    assert.equal(pair.diagnostics.length, 1);
    assert.equal(pair.diagnostics[0]!.code, "TKC1101");
    assert.match(pair.diagnostics[0]!.message, /the escape \\ud83d names half of a surrogate pair/);
    assert.equal(pair.diagnostics[0]!.hint, "write the character itself, or one escape of its code point (\\U0001F600)");
    assert.deepEqual([pair.diagnostics[0]!.location?.line, pair.diagnostics[0]!.location?.column], [5, 7]);
    const fine = readKubernetesYaml("fine.yaml", `${head}  a: "back\\\\ud800slash"\n  b: '\\ud800'\n  c: |\n    "\\ud800"\n  d: "\\U0001F600 \\u00e9"\n`, { reader });
    assert.deepEqual(fine.diagnostics, []);
    assert.deepEqual(fine.objects[0]!.object.data, { a: "back\\ud800slash", b: "\\ud800", c: '"\\ud800"\n', d: "\u{1F600} é" });
    // A file that starts with `{` is JSON to kubectl, where the pair is one character.
    const json = readKubernetesYaml("pair.yaml", `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "\\ud83d\\ude00"}}\n`, { reader });
    assert.deepEqual(json.diagnostics, []);
    assert.equal((json.objects[0]!.object.data as Record<string, string>).a, "\u{1F600}");
  }
});

// kubectl sniffs a file: one whose first non-blank character is "{" is read as a stream of JSON
// values (NewYAMLOrJSONDecoder), so a YAML flow mapping or a "---" there is refused by it.
test("a file that starts with { (after a BOM too) is held to JSON, as kubectl holds it; after a comment it is YAML again", () => {
  for (const reader of [undefined, "full"] as const) {
    const flow = readKubernetesYaml("flow.yaml", "{\n  apiVersion: v1, kind: ConfigMap,\n  metadata: {name: x}\n}\n", { reader });
    assert.deepEqual(flow.objects, []);
    assert.equal(flow.diagnostics.length, 1);
    assert.match(flow.diagnostics[0]!.message, /^kubectl reads a file that starts with "\{" as JSON, and this is not JSON \(.+\): it refuses the file$/);
    assert.deepEqual([flow.diagnostics[0]!.code, flow.diagnostics[0]!.location?.line, flow.diagnostics[0]!.location?.column], ["TKC1101", 2, 3]);
    const json = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}';
    const dashes = readKubernetesYaml("dashes.yaml", `${json}\n---\n${json}\n`, { reader });
    assert.deepEqual([dashes.diagnostics[0]?.code, dashes.diagnostics[0]?.location?.line, dashes.diagnostics[0]?.location?.column], ["TKC1101", 2, 1]);
    assert.deepEqual(readKubernetesYaml("one.yaml", ` \n${json}\n`, { reader }).diagnostics, []);
    assert.equal(readKubernetesYaml("bom.yaml", "\ufeff{apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n", { reader }).diagnostics[0]?.code, "TKC1101");
    const commented = readKubernetesYaml("yaml.yaml", `# comment\n${json}\n---\n${json}\n`, { reader });
    assert.deepEqual(commented.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(commented.objects.length, 2);
  }
});

// What `jq '.items[]'` prints, and kubectl reads: JSON objects one after another, without "---".
test("JSON objects one after another are read one by one, each at its own lines, as kubectl reads them", () => {
  const pretty = '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "a"}\n}\n{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "b"}\n}\n';
  const compact = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}\n  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "d"}}\n';
  for (const reader of [undefined, "full"] as const) {
    const read = readKubernetesYaml("stream.json.yaml", pretty, { reader });
    assert.deepEqual(read.diagnostics, []);
    assert.deepEqual(read.objects.map((o) => o.object.metadata?.name), ["a", "b"]);
    assert.deepEqual(read.objects[1]!.origin, { file: "stream.json.yaml", line: 6, column: 1, length: 1 });
    assert.equal(locate(read.objects[1]!, ["metadata", "name"])?.line, 9);
    assert.deepEqual(readKubernetesYaml("compact.yaml", compact, { reader }).objects.map((o) => [o.object.metadata?.name, o.origin?.line, o.origin?.column]), [["c", 1, 1], ["d", 2, 3]]);
  }
});
