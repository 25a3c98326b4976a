import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "../support/fast-check.js";
import YAML from "yaml";
import { fileURLToPath } from "node:url";
import { assertGoldenFile } from "../support/golden.js";
import { canonicalKeys, flowScalarString, toCanonicalYaml } from "../../compiler/emit/yaml-writer.js";
import { jsonValue, nastyString, YAML_SPECIALS } from "../support/yaml-values.js";

function normalise(value: unknown): unknown {
  if (typeof value === "number") return value === 0 ? 0 : value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)])); // own "__proto__" too
  }
  return value;
}

function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
  }
  return value;
}

function assertRoundTrips(value: unknown): void {
  const text = toCanonicalYaml(value);
  for (const version of ["1.1", "1.2"] as const) {
    // a document whose root is an object with apiVersion/kind keys is reordered, which is fine
    assert.deepEqual(YAML.parse(text, { version }), normalise(value), `YAML ${version} reads back a different value from:\n${text}`);
  }
}

test("every special token round-trips through YAML 1.1 and 1.2 readers, as a value and as a key", () => {
  for (const s of YAML_SPECIALS) {
    assertRoundTrips(s);
    assertRoundTrips({ [s]: s, list: [s, { [s]: [s] }] });
  }
});

test("arbitrary JSON values round-trip through YAML 1.1 and 1.2 readers", () => {
  fc.assert(fc.property(jsonValue, assertRoundTrips), { numRuns: 3000 });
});

function assertFlowRoundTrips(s: string): void {
  const text = flowScalarString(s);
  assert.ok(!text.includes("\n"), "one line");
  for (const version of ["1.1", "1.2"] as const) {
    assert.deepEqual(YAML.parse(`[${text}, ${text}]`, { version }), [s, s], `YAML ${version} reads back a different list from [${text}, ${text}]`);
    assert.deepEqual(YAML.parse(`{${text}: ${text}, x: 1}`, { version }), { [s]: s, x: 1 }, `YAML ${version} reads back a different map from {${text}: ${text}}`);
  }
}

test("strings in flow collections (as the diff prints them) round-trip through YAML 1.1 and 1.2 readers", () => {
  for (const s of [...YAML_SPECIALS, "a,b", "[", "a]", "{x}", "a:b", "a: b", "hello world"]) assertFlowRoundTrips(s);
  fc.assert(fc.property(nastyString, assertFlowRoundTrips), { numRuns: 2000 });
  assert.equal(flowScalarString("nginx:1.25"), "nginx:1.25");
  assert.equal(flowScalarString("on"), '"on"');
  assert.equal(flowScalarString("a,b"), '"a,b"');
});

test("output does not depend on key insertion order", () => {
  fc.assert(
    fc.property(jsonValue, (value) => {
      assert.equal(toCanonicalYaml(reorder(value)), toCanonicalYaml(value));
    }),
    { numRuns: 1000 },
  );
});

test("plain strings stay plain", () => {
  const text = toCanonicalYaml({ a: ["nginx:1.25", "--port=8080", "10Gi", "1.2.3", "app.kubernetes.io/name", "a#b", "é", "http://x/y?z=1"] });
  assert.equal(text, "a:\n- nginx:1.25\n- --port=8080\n- 10Gi\n- 1.2.3\n- app.kubernetes.io/name\n- a#b\n- é\n- http://x/y?z=1\n");
});

test("numbers: integers as is, floats as JS prints them with a dot before the exponent, -0 as 0", () => {
  assert.equal(toCanonicalYaml([1, -0, 1.5, 1e21, 5e-7, -2.5e-300, 123456789]), "- 1\n- 0\n- 1.5\n- 1.0e+21\n- 5.0e-7\n- -2.5e-300\n- 123456789\n");
});

test("block scalar chomping and indentation indicator", () => {
  assert.equal(toCanonicalYaml({ a: "x\ny" }), "a: |-\n  x\n  y\n");
  assert.equal(toCanonicalYaml({ a: "x\ny\n" }), "a: |\n  x\n  y\n");
  assert.equal(toCanonicalYaml({ a: "x\n\n", b: 1 }), "a: |+\n  x\n\nb: 1\n");
  assert.equal(toCanonicalYaml({ a: "  x\ny" }), "a: |2-\n    x\n  y\n");
  assert.equal(toCanonicalYaml({ a: "x\r\ny" }), 'a: "x\\r\\ny"\n');
});

test("a line ending in spaces is double-quoted, never a block scalar (libyaml's rule)", () => {
  // found by the property test: `|2-` with a last line of only spaces, which `yaml` 2.9.1 drops
  assertRoundTrips([[" '\n "]]);
  assert.equal(toCanonicalYaml([[" '\n "]]), '- - " \'\\n "\n');
  assert.equal(toCanonicalYaml({ a: "x \ny" }), 'a: "x \\ny"\n');
  assert.equal(toCanonicalYaml({ a: "x\n  " }), 'a: "x\\n  "\n');
  assert.equal(toCanonicalYaml({ a: "x\n  y" }), "a: |-\n  x\n    y\n");
});

test("non-JSON data is a bug and throws; undefined properties are skipped", () => {
  assert.throws(() => toCanonicalYaml({ a: [undefined] }));
  assert.throws(() => toCanonicalYaml({ a: () => 1 }));
  assert.throws(() => toCanonicalYaml({ a: NaN }));
  assert.throws(() => toCanonicalYaml({ a: Infinity }));
  assert.throws(() => toCanonicalYaml({ a: new Date(0) }));
  assert.throws(() => toCanonicalYaml({ a: 1n }));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => toCanonicalYaml(cyclic), /nested too deeply/);
  assert.equal(toCanonicalYaml({ a: undefined, b: 1 }), "b: 1\n");
  assert.equal(toCanonicalYaml({ a: undefined }), "{}\n");
});

test("Kubernetes key order at the top level and in metadata only", () => {
  assert.deepEqual(canonicalKeys({ z: 1, spec: 1, kind: 1, metadata: 1, apiVersion: 1, data: 1, B: 1 }, "object"), ["apiVersion", "kind", "metadata", "spec", "data", "B", "z"]);
  assert.deepEqual(canonicalKeys({ uid: 1, labels: 1, name: 1, annotations: 1, namespace: 1 }, "metadata"), ["name", "namespace", "labels", "annotations", "uid"]);
  assert.deepEqual(canonicalKeys({ b: 1, a: 1, B: 1, "é": 1, "10": 1, "9": 1 }), ["10", "9", "B", "a", "b", "é"]);
  // not a Kubernetes object: plain order everywhere
  assert.equal(toCanonicalYaml({ spec: 1, metadata: { name: "x", a: 1 } }), "metadata:\n  a: 1\n  name: x\nspec: 1\n");
});

test("a very long key uses the explicit key form", () => {
  const key = "k".repeat(1100);
  assertRoundTrips({ [key]: { a: 1 }, b: [key] });
});

const deployment = {
  kind: "Deployment",
  apiVersion: "apps/v1",
  metadata: { namespace: "shop", name: "api", labels: { "app.kubernetes.io/name": "api", tier: "backend" }, annotations: { "tkc.dev/revision": "12" } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { "app.kubernetes.io/name": "api" } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": "api" } },
      spec: {
        containers: [
          {
            name: "api",
            image: "registry.example.com/shop/api:1.25",
            args: ["--port=8080", "--verbose"],
            env: [{ name: "FEATURE_X", value: "on" }, { name: "RETRIES", value: "3" }, { name: "EMPTY", value: "" }],
            ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
            resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: 0.25, memory: "128Mi" } },
            readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10 },
          },
        ],
        nodeSelector: {},
        tolerations: [],
      },
    },
  },
};

const configMap = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "api-config", namespace: "shop" },
  data: {
    "nginx.conf": "server {\n  listen 80;\n  location / {\n    proxy_pass http://api:8080;\n  }\n}\n",
    "banner.txt": "  indented first line\nsecond\n\n\n",
    "no-newline.sh": "#!/bin/sh\necho hi",
    "windows.ini": "[a]\r\nb=1\r\n",
    enabled: "yes",
    port: "8080",
  },
};

for (const [name, value] of [["deployment", deployment], ["configmap", configMap]] as const) {
  test(`golden: ${name}`, () => {
    assertGoldenFile(fileURLToPath(new URL(`./golden/${name}.yaml`, import.meta.url)), toCanonicalYaml(value));
    assertRoundTrips(value);
  });
}

// libyaml (Go's yaml, so kubectl) refuses a block scalar whose first line starts with a tab
// ("found a tab character where an indentation space is expected"); the `yaml` package reads it.
// Found by test/yaml/kubectl-reads.test.ts: a Makefile in a ConfigMap could not be applied.
test("a string whose first line starts with a tab is a block scalar with an indentation indicator", () => {
  assert.equal(toCanonicalYaml({ k: "\tgcc -o app app.c\n\tstrip app\n" }), "k: |2\n  \tgcc -o app app.c\n  \tstrip app\n");
  assert.equal(toCanonicalYaml({ k: "\n\tx" }), "k: |2-\n\n  \tx\n");
  assert.equal(toCanonicalYaml({ k: "x\n\ty" }), "k: |-\n  x\n  \ty\n", "a tab after the first line is content");
  for (const s of ["\tgcc -o app app.c\n\tstrip app\n", "\n\tx", "x\n\ty"]) assert.equal(YAML.parse(toCanonicalYaml({ k: s })).k, s);
});
