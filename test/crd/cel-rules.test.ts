// A CRD's CEL rules (x-kubernetes-validations), as `tkc validate` and `tkc build` meet them: the
// built-in Gateway API CRDs (whose rules see the schema's defaults, as on the API server), and a
// CRD beside the manifests with rules of every kind tkc evaluates or must skip.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";
import { indexedHas } from "../../compiler/validate/schema/cel-engine.js";

function files(entries: Record<string, string>): string {
  const dir = tempDir("tkc-cel-");
  for (const [name, text] of Object.entries(entries)) writeFileSync(join(dir, name), text);
  return dir;
}

const route = (name: string, rules: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
${rules}`;

/** The failed rules `tkc validate` printed for `file`, as "line:column message". */
function ruleFailures(stderr: string, file: string): string[] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...stderr.matchAll(new RegExp(`^${escaped}:(\\d+):(\\d+) error TKC3008: (.*)$`, "gm"))].map((m) => `${m[1]}:${m[2]} ${m[3]}`);
}

test("Gateway API HTTPRoutes: the CRD's CEL rules are checked, defaults applied first, each failure at its field (TKC3008)", () => {
  const dir = files({
    "routes.yaml": [
      route("redirect-and-backends", "  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]\n    backendRefs: [{name: web, port: 80}]\n"),
      // kind: Service and group: "" are defaults: the rule that needs a port sees them.
      route("no-port", "  - backendRefs: [{name: web}]\n"),
      route("relative-path", "  - matches: [{path: {type: Exact, value: web}}]\n    backendRefs: [{name: web, port: 80}]\n"),
      // has(self.matches[0].path), which the evaluator's has() does not take, rewritten to .?path.hasValue().
      route("prefix-redirect", "  - matches: [{path: {type: Exact, value: /old}}]\n    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]\n"),
      route("fine", "  - matches: [{path: {type: PathPrefix, value: /web}}]\n    backendRefs: [{name: web, port: 80}]\n"),
    ].join("---\n"),
  });
  const result = runTkc(["validate", "routes.yaml"], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const failures = [...result.stderr.matchAll(/^routes\.yaml:(\d+):(\d+) error TKC3008: (.*)\n[\s\S]*?= object: \S+ HTTPRoute default\/(\S+), at (\S+)\n  = note: the CustomResourceDefinition's rule \(x-kubernetes-validations\): (.*)\n/gm)].map((m) => [m[4], m[5], m[3], `${m[1]}:${m[2]}`]);
  assert.deepEqual(failures, [
    ["redirect-and-backends", "spec.rules[0]", "RequestRedirect filter must not be used together with backendRefs", "7:5"],
    ["no-port", "spec.rules[0].backendRefs[0]", "Must have port for Service reference", "16:19"],
    ["relative-path", "spec.rules[0].matches[0].path", "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']", "24:16"],
    ["prefix-redirect", "spec.rules[0]", "When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified", "33:5"],
  ]);
  assert.match(result.stderr, /hint: change the fields the rule names: the API server refuses the object with this message/);
  assert.match(result.stderr, /^4 errors, 0 warnings$/m);
});

/** A namespaced CRD of group example.com whose v1 `spec` (an object) has `schema`, YAML indented for its place. */
function crdOf(kind: string, plural: string, schema: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${plural}.example.com}
spec:
  group: example.com
  names: {kind: ${kind}, plural: ${plural}, singular: ${kind.toLowerCase()}, listKind: ${kind}List}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
${schema}`;
}

const WIDGET_CRD = crdOf("Widget", "widgets", `            x-kubernetes-validations:
            - rule: "self.minReplicas <= self.maxReplicas"
              messageExpression: "'minReplicas (' + string(self.minReplicas) + ') must not exceed maxReplicas (' + string(self.maxReplicas) + ')'"
              fieldPath: .minReplicas
            - rule: "self.half / 2 == 1"
              message: half must be 2 or 3 (integer division)
            - rule: "!has(self.__namespace__) || self.__namespace__ != 'kube-system'"
              message: not in kube-system
            - rule: "!has(self.mode) || self.mode == 'fast' || has(self.window__dash__seconds)"
              message: a slow mode needs window-seconds
            - rule: "self.name.matches('^(a+)+$')"
              message: name must be a's
            - rule: "self.tags.all(a, self.tags.all(b, self.tags.all(c, self.tags.all(d, a != '' && b != '' && c != '' && d != ''))))"
              message: no empty tag
            - rule: "self == oldSelf"
              message: immutable
            - rule: "isSorted(self.tags)"
              message: tags sorted
            - rule: "self.tier == 'gold' ? self.maxReplicas >= 3 : true"
              message: gold needs 3 replicas
            properties:
              minReplicas: {type: integer}
              maxReplicas: {type: integer}
              half: {type: integer}
              namespace: {type: string}
              mode: {type: string}
              window-seconds: {type: integer}
              name: {type: string}
              tier: {type: string, default: gold}
              tags: {type: array, items: {type: string}}
`);

const widget = (name: string, spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}, namespace: default}\nspec: ${spec}\n`;

test("a CRD's own rules: messageExpression, fieldPath, escaped names, int division and defaults; oldSelf, unknown functions and costly rules are skipped; regexes are RE2", () => {
  const tags = Array.from({ length: 100 }, (_, i) => `t${i}`).join(", ");
  const dir = files({
    "crd.yaml": WIDGET_CRD,
    "widgets.yaml": [
      // Holds every rule, as the API server evaluates them: 3 / 2 is 1 in CEL's integers.
      widget("good", `{minReplicas: 1, maxReplicas: 3, half: 3, mode: fast, name: aaa, tags: [${tags}]}`),
      // 40 a's and a b: a backtracking regex engine takes minutes on ^(a+)+$; RE2 does not.
      widget("bad", `{minReplicas: 5, maxReplicas: 2, half: 4, namespace: kube-system, mode: slow, name: "${"a".repeat(40)}b", tags: [""]}`),
    ].join("---\n"),
  });
  // A rule that ran away (the regex with a backtracking engine, the nested macro over 100 tags)
  // would keep this call from returning; speed itself is bench/'s to measure, not a test's.
  const result = runTkc(["validate", "crd.yaml", "widgets.yaml"], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const failures = ruleFailures(result.stderr, "widgets.yaml");
  assert.deepEqual(failures, [
    "9:1 half must be 2 or 3 (integer division)",
    "9:1 not in kube-system",
    "9:1 a slow mode needs window-seconds",
    "9:1 name must be a's",
    // With one tag the nested rule is cheap, and evaluated: an empty tag fails it.
    "9:1 no empty tag",
    "9:1 gold needs 3 replicas",
    "9:8 minReplicas (5) must not exceed maxReplicas (2)",
  ]);
  assert.doesNotMatch(result.stderr, /Widget default\/good/, "the good widget passes every rule it is checked against");
  assert.doesNotMatch(result.stderr, /immutable|tags sorted/, "transition rules and functions tkc lacks are skipped, not reported");
});

test("has() of an indexed field is rewritten to the optional-field test the evaluator runs; other has() calls and strings stay", () => {
  assert.equal(indexedHas("!has(self.matches[0].path) || x"), "!(self.matches[0]).?path.hasValue() || x");
  assert.equal(indexedHas("f(has(a[b[1]].c), has(d.e))"), "f((a[b[1]]).?c.hasValue(), has(d.e))");
  assert.equal(indexedHas("has(x['a)b'].c)"), "(x['a)b']).?c.hasValue()");
  assert.equal(indexedHas("has(self.m[0])"), "has(self.m[0])", "not a field selection: left as written");
  assert.equal(indexedHas("self.name == 'has(a[0].b)' && has(a[0].b)"), "self.name == 'has(a[0].b)' && (a[0]).?b.hasValue()", "a string literal is text, not code");
  assert.equal(indexedHas('x.matches(r"""^(a|b)$""") && has(y[0].z)'), 'x.matches(r"""^(a|b)$""") && (y[0]).?z.hasValue()');
});

test("a CRD imported with tkc import crd has its rules checked; a schema file from an older tkc (no defaults kept) has them skipped, not guessed", () => {
  const project = files({ "tkc.config.json": '{ "entry": "release.k8s.ts" }\n', "crd.yaml": WIDGET_CRD, "widgets.yaml": widget("bad", "{minReplicas: 5, maxReplicas: 2, half: 2, name: aa, tags: [a]}") });
  const imported = runTkc(["import", "crd", "crd.yaml"], { cwd: project });
  assert.equal(imported.status, 0, imported.stderr);
  const checked = runTkc(["validate", "--crds", "crds", "widgets.yaml"], { cwd: project });
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stderr, /error TKC3008: minReplicas \(5\) must not exceed maxReplicas \(2\)/);
  assert.match(checked.stderr, /error TKC3008: gold needs 3 replicas/, "the default tier is seen");

  const file = join(project, "crds", "example.com", "widgets.v1.schema.json");
  const { "x-tkc-defaults": marker, ...older } = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(marker, true);
  writeFileSync(file, JSON.stringify(older, null, 2));
  const skipped = runTkc(["validate", "--crds", "crds", "widgets.yaml"], { cwd: project });
  assert.equal(skipped.status, 0, skipped.stderr);
  assert.equal(skipped.stdout, "1 object valid for Kubernetes 1.36\n");
});

test("a map key named __proto__ is a key like any other to the rules, as to the API server", () => {
  const crd = crdOf("Box", "boxes", "            properties:\n              labels:\n                type: object\n                additionalProperties: {type: string}\n                x-kubernetes-validations:\n                - rule: \"size(self) == 0\"\n                  message: labels must be empty\n");
  const dir = files({ "crd.yaml": crd, "box.yaml": "apiVersion: example.com/v1\nkind: Box\nmetadata: {name: b, namespace: default}\nspec:\n  labels:\n    __proto__: x\n" });
  const result = runTkc(["validate", "crd.yaml", "box.yaml"], { cwd: dir });
  assert.equal(result.status, 1, result.stderr + result.stdout);
  assert.match(result.stderr, /^box\.yaml:5:3 error TKC3008: labels must be empty$/m);
});

test("Gateway API: a label key whose prefix is over 253 characters breaks the rule that splits it (TKC3008 at the label); a fine one passes", () => {
  const gateway = (name: string, key: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: default}
spec:
  gatewayClassName: example
  listeners: [{name: http, port: 80, protocol: HTTP}]
  infrastructure:
    labels:
      ${key}: x
`;
  const dir = files({ "gateways.yaml": [gateway("long-prefix", `${"a".repeat(253)}/app`), gateway("fine", "example.com/app")].join("---\n") });
  const result = runTkc(["validate", "gateways.yaml"], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const failures = [...result.stderr.matchAll(/^gateways\.yaml:(\d+):(\d+) error TKC3008: (.*)\n[\s\S]*?= object: \S+ Gateway default\/(\S+), at (\S+)\n/gm)].map((m) => [m[4], m[5], m[3], `${m[1]}:${m[2]}`]);
  assert.deepEqual(failures, [["long-prefix", "spec.infrastructure.labels", "If specified, the label key's prefix must be a DNS subdomain not longer than 253 characters in total.", "8:5"]]);
  assert.match(result.stderr, /^1 error, 0 warnings$/m);
});

const LIBRARY_CRD = crdOf("Endpoint", "endpoints", `            properties:
              url:
                type: string
                x-kubernetes-validations:
                - {rule: "isURL(self) && url(self).getScheme() == 'https'", message: url must be https}
              address:
                type: string
                x-kubernetes-validations:
                - {rule: "isIP(self) && ip.isCanonical(self)", message: address must be a canonical IP}
              allowed:
                type: array
                items: {type: string}
                x-kubernetes-validations:
                - {rule: "self.all(c, isCIDR(c) && cidr(c).prefixLength() >= 8)", message: allowed must be /8 or narrower}
                - {rule: "self.isSorted()", message: allowed must be sorted}
              memory:
                type: string
                x-kubernetes-validations:
                - {rule: "quantity(self).isLessThan(quantity('1Gi'))", message: memory must be under 1Gi}
              tags:
                type: array
                items: {type: string}
                x-kubernetes-validations:
                - {rule: "self.all(t, t.lowerAscii() == t && t.indexOf('-') != 0)", message: tags are lower case and do not start with a dash}
                - {rule: "sets.contains(['a', 'b', 'c'], self)", message: "tags are a, b or c"}
`);

test("a CRD's rules that call Kubernetes' CEL libraries (URLs, IP, CIDR, lists, Quantity, strings, sets) are evaluated, no longer skipped", () => {
  const endpoint = (name: string, spec: string) => `apiVersion: example.com/v1\nkind: Endpoint\nmetadata: {name: ${name}, namespace: default}\nspec:\n${spec}`;
  const dir = files({
    "crd.yaml": LIBRARY_CRD,
    "endpoints.yaml": [
      endpoint("good", "  url: https://example.com/api\n  address: 2001:db8::1\n  allowed: [10.0.0.0/8, 192.168.0.0/16]\n  memory: 512Mi\n  tags: [a, c]\n"),
      endpoint("bad", "  url: http://example.com/api\n  address: 2001:DB8::1\n  allowed: [192.168.0.0/16, 10.0.0.0/4]\n  memory: 2Gi\n  tags: [A, -b, d]\n"),
      // A quantity the API server refuses to parse is its error, not a failed rule: skipped.
      endpoint("unparsable", "  memory: lots\n"),
    ].join("---\n"),
  });
  const result = runTkc(["validate", "crd.yaml", "endpoints.yaml"], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const failures = ruleFailures(result.stderr, "endpoints.yaml");
  assert.deepEqual(failures, [
    "15:3 url must be https",
    "16:3 address must be a canonical IP",
    "17:3 allowed must be /8 or narrower",
    "17:3 allowed must be sorted",
    "18:3 memory must be under 1Gi",
    "19:3 tags are lower case and do not start with a dash",
    "19:3 tags are a, b or c",
  ]);
  assert.doesNotMatch(result.stderr, /Endpoint default\/(good|unparsable)/);
});
