// What tkc writes, kubectl reads back as the same data: the bundle's YAML through kubectl's own
// resource reader (`kubectl label --local -f FILE -o json` decodes a file as `kubectl apply -f`
// does, with sigs.k8s.io/yaml, and needs no cluster). Seeded values of every JSON shape, with
// strings that YAML 1.1 and 1.2 readers disagree on, control characters and astral Unicode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc, { seed } from "../support/fast-check.js";
import { toCanonicalYaml } from "../../compiler/emit/yaml-writer.js";

const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
const skip = kubectl.error || kubectl.status !== 0 ? "kubectl is not on PATH" : false;

// Words whose meaning differs between YAML versions or readers, and characters writers must escape.
const WORDS = ["yes", "no", "on", "off", "y", "n", "Y", "True", "NULL", "~", "0x1F", "0o17", "017", "0b101", "1_000", "12:30", "1e3", ".inf", "-.Inf", ".NaN", "=", "<<", "-", "?", ":", "a: b", "#x", "- a", "[a]", "{a}", "!t", "&a", "*a", "%x", "@x", "`x", "2001-12-14", " lead", "trail ", "---", "...", "", "'", '"', "\\"];
const CHARS = ["a", " ", "\t", "\n", "\r", ":", "#", "'", '"', "\\", "-", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u00a0", "\u2028", "\ufeff", "é", "\u{1F600}", "中"];
const text = fc.oneof(fc.constantFrom(...WORDS), fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((parts) => parts.join("")));
const scalar = fc.oneof(text, fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(text, tie("node"), { maxKeys: 4 })),
})).node;

/** The objects as kubectl reads `yaml` (one object per document; a List when there are several). */
function kubectlReads(yaml: string): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), "tkc-kubectl-reads-"));
  try {
    writeFileSync(join(dir, "objects.yaml"), yaml);
    const result = spawnSync("kubectl", ["label", "--local", "-f", join(dir, "objects.yaml"), "tkc.dev/read=yes", "-o", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    assert.equal(result.status, 0, result.stderr);
    return jsonValues(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JSON values printed one after another (kubectl prints each object of a stream on its own). */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if ((c === "}" || c === "]") && --depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
  }
  return values;
}

test(`kubectl reads every value tkc's YAML writer writes as the same value (seed ${seed})`, { skip }, () => {
  // as plain data (fast-check's dictionaries have no prototype)
  const values = fc.sample(value, { numRuns: 400, seed }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  // One custom resource per 100 values (kubectl reads unknown kinds as they are), one stream.
  const objects = Array.from({ length: 4 }, (_, i) => ({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: `w${i}` }, spec: { values: values.slice(i * 100, i * 100 + 100) } }));
  const yaml = objects.map((object) => `---\n${toCanonicalYaml(object)}`).join("");
  const read = kubectlReads(yaml) as { spec: { values: unknown[] } }[];
  assert.equal(read.length, objects.length);
  objects.forEach((object, i) => {
    object.spec.values.forEach((written, j) => assert.deepEqual(read[i]!.spec.values[j], written, `value ${i * 100 + j}: ${JSON.stringify(written)}`));
  });
});

test("kubectl reads the same keys and string values of a ConfigMap as tkc wrote", { skip }, () => {
  const data = { ...fc.sample(fc.dictionary(text.filter((key) => key !== ""), text, { minKeys: 50, maxKeys: 80 }), { numRuns: 1, seed })[0]! };
  const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data };
  const [read] = kubectlReads(toCanonicalYaml(configMap)) as { data: Record<string, string> }[];
  assert.deepEqual(read!.data, data);
});
