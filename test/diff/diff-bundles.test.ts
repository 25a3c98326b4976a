import { test } from "node:test";
import { createHash } from "node:crypto";
import assert from "node:assert/strict";
import { diffBundles } from "../../compiler/diff/diff-bundles.js";
import type { FieldChange } from "../../compiler/diff/model.js";
import { renderJson } from "../../compiler/diff/render-json.js";
import { renderMarkdown } from "../../compiler/diff/render-markdown.js";
import { renderText } from "../../compiler/diff/render-text.js";
import { bundleOf, configMap, deployment, secret } from "./helpers.js";

const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));
const paths = (changes: readonly FieldChange[]) => changes.map((c) => `${c.op} ${c.path}`);

test("inserting an env var between two others is exactly one addition", () => {
  const a = bundleOf([deployment("api", [{ name: "api", env: env("A", "C") }])]);
  const b = bundleOf([deployment("api", [{ name: "api", env: env("A", "B", "C") }])]);
  const diff = diffBundles(a, b);
  assert.deepEqual(diff.summary, { added: 0, removed: 0, changed: 1, unchanged: 0 });
  assert.deepEqual(paths(diff.objects[0].changes), ["add spec.template.spec.containers[name=api].env[name=B]"]);
  assert.deepEqual((diff.objects[0].changes[0] as { value: unknown }).value, { name: "B", value: "b" });
});

test("containers are matched by name after reordering", () => {
  const a = bundleOf([deployment("api", [{ name: "api", image: "api:1" }, { name: "proxy", image: "envoy:1" }])]);
  const b = bundleOf([deployment("api", [{ name: "proxy", image: "envoy:2" }, { name: "api", image: "api:1" }])]);
  const changes = diffBundles(a, b).objects[0].changes;
  assert.deepEqual(paths(changes), ["replace spec.template.spec.containers[name=proxy].image", "reorder spec.template.spec.containers"]);
  assert.deepEqual(changes[1], { op: "reorder", path: "spec.template.spec.containers", from: ["name=api", "name=proxy"], to: ["name=proxy", "name=api"] });
});

test("ports are matched by containerPort and protocol", () => {
  const ports = (...p: [number, string, string][]) => p.map(([containerPort, protocol, name]) => ({ containerPort, protocol, name }));
  const a = bundleOf([deployment("dns", [{ name: "dns", ports: ports([53, "UDP", "dns"], [53, "TCP", "dns-tcp"]) }])]);
  const b = bundleOf([deployment("dns", [{ name: "dns", ports: ports([53, "TCP", "dns-tcp"], [53, "UDP", "dns-udp"], [9153, "TCP", "metrics"]) }])]);
  const changes = diffBundles(a, b).objects[0].changes;
  assert.deepEqual(paths(changes), [
    "replace spec.template.spec.containers[name=dns].ports[containerPort=53,protocol=UDP].name",
    "add spec.template.spec.containers[name=dns].ports[containerPort=9153,protocol=TCP]",
    "reorder spec.template.spec.containers[name=dns].ports",
  ]);
});

test("lists the schema does not key fall back to a unique name (custom resources)", () => {
  const route = (rules: unknown[]) => ({ apiVersion: "example.com/v1", kind: "Route", metadata: { name: "r", namespace: "shop-prod" }, spec: { rules } });
  const a = bundleOf([route([{ name: "a", weight: 1 }, { name: "b", weight: 1 }])]);
  const b = bundleOf([route([{ name: "z", weight: 5 }, { name: "a", weight: 1 }, { name: "b", weight: 2 }])]);
  assert.deepEqual(paths(diffBundles(a, b).objects[0].changes), ["add spec.rules[name=z]", "replace spec.rules[name=b].weight"]);
});

test("a changed Secret value never appears in any format", () => {
  const a = bundleOf([secret("db", { password: "hunter2-old", user: "shop" })]);
  const b = bundleOf([secret("db", { password: "correct-horse-new", user: "shop" }), secret("api-token", { token: "tok-VERY-SECRET" })]);
  const diff = diffBundles(a, b);
  const outputs = [renderText([diff], { color: false }), renderText([diff], { color: true }), renderMarkdown([diff]), renderJson([diff])];
  for (const out of outputs) {
    for (const value of ["hunter2-old", "correct-horse-new", "tok-VERY-SECRET"]) assert.ok(!out.includes(value), `${value} leaked:\n${out}`);
    assert.match(out, /stringData\.password/);
    assert.match(out, /<redacted: changed>/);
  }
  const change = diff.objects.find((o) => o.name === "db")!.changes[0];
  assert.equal(change.op, "replace");
  assert.equal((change as { redacted?: boolean }).redacted, true);
});

test("a renamed hashed ConfigMap is a change of content of its base name, and references say so", () => {
  const volume = (name: string) => [{ name: "config", configMap: { name } }];
  const a = bundleOf([configMap("api-config-0123456789", { "app.conf": "level=info\nport=8080\n" }), deployment("api", [{ name: "api" }], { volumes: volume("api-config-0123456789") })]);
  const b = bundleOf([configMap("api-config-abcdef0123", { "app.conf": "level=debug\nport=8080\n" }), deployment("api", [{ name: "api" }], { volumes: volume("api-config-abcdef0123") })]);
  const diff = diffBundles(a, b);
  assert.deepEqual(diff.summary, { added: 0, removed: 0, changed: 2, unchanged: 0 });
  const [config, api] = diff.objects;
  assert.equal(config.base, "api-config");
  assert.equal(config.fromName, "api-config-0123456789");
  assert.equal(config.name, "api-config-abcdef0123");
  assert.deepEqual(paths(config.changes), ["replace data[\"app.conf\"]"]);
  assert.deepEqual(api.changes, [
    { op: "replace", path: "spec.template.spec.volumes[name=config].configMap.name", from: "api-config-0123456789", to: "api-config-abcdef0123", note: "ConfigMap api-config: new content" },
  ]);
  const text = renderText([diff], { color: false });
  assert.match(text, /~ ConfigMap shop-prod\/api-config api-config-0123456789 → api-config-abcdef0123/);
  assert.match(text, /-     level=info\n  \+     level=debug/);
});

// A config file's lines were printed as they were: an escape sequence in a value cleared the
// reviewer's terminal, or hid lines of the diff in a CI log.
test("control characters in a changed config file are shown as escapes, in text and markdown", () => {
  const a = bundleOf([configMap("settings", { "app.conf": "mode=a\nlevel=info\n" })]);
  const b = bundleOf([configMap("settings", { "app.conf": "mode=a\nlevel=\u001b[2J\u001b[1A\rdebug\u0007\n" })]);
  const diff = diffBundles(a, b);
  for (const out of [renderText([diff], { color: false }), renderMarkdown([diff])]) {
    assert.match(out, /\+     level=\\u001b\[2J\\u001b\[1A\\u000ddebug\\u0007\n/);
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f]/, "no raw control character");
  }
});

test("added and removed objects, in install order", () => {
  const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "api", namespace: "shop-prod" }, spec: { ports: [{ port: 80 }] } };
  const a = bundleOf([deployment("api", [{ name: "api" }]), deployment("old", [{ name: "old" }])]);
  const b = bundleOf([deployment("api", [{ name: "api" }]), svc, configMap("settings", { a: "1" })]);
  const diff = diffBundles(a, b);
  assert.deepEqual(diff.summary, { added: 2, removed: 1, changed: 0, unchanged: 1 });
  assert.deepEqual(diff.objects.map((o) => `${o.status} ${o.kind}/${o.name}`), ["added ConfigMap/settings", "added Service/api", "removed Deployment/old"]);
});

test("identical bundles have no differences", () => {
  const objects = [deployment("api", [{ name: "api", env: env("A") }]), configMap("settings", { a: "1" })];
  const diff = diffBundles(bundleOf(objects, { layout: "files" }), bundleOf(objects, { layout: "stream" }));
  assert.deepEqual(diff.summary, { added: 0, removed: 0, changed: 0, unchanged: 2 });
  assert.equal(diff.objects.length, 0);
  assert.match(renderText([diff], { color: false }), /No differences \(2 objects identical\)/);
});

test("highlights: images, then replicas, then resources", () => {
  const a = bundleOf([deployment("api", [{ name: "api", image: "api:1", resources: { requests: { cpu: "100m" } } }], { replicas: 2 })]);
  const b = bundleOf([deployment("api", [{ name: "api", image: "api:2", resources: { requests: { cpu: "250m" } } }], { replicas: 3 })]);
  const highlights = diffBundles(a, b).highlights;
  assert.deepEqual(highlights.map((h) => [h.kind, h.container, h.from, h.to]), [
    ["image", "api", "api:1", "api:2"],
    ["replicas", undefined, 2, 3],
    ["resources", "api", "100m", "250m"],
  ]);
});

test("an apiVersion change of the same group is a change, not a replacement", () => {
  const hpa = (apiVersion: string) => ({ apiVersion, kind: "HorizontalPodAutoscaler", metadata: { name: "api", namespace: "shop-prod" }, spec: { maxReplicas: 5 } });
  const diff = diffBundles(bundleOf([hpa("autoscaling/v1")]), bundleOf([hpa("autoscaling/v2")]));
  assert.equal(diff.objects.length, 1);
  assert.equal(diff.objects[0].fromApiVersion, "autoscaling/v1");
  assert.deepEqual(paths(diff.objects[0].changes), ["replace apiVersion"]);
});

/** Everything a value can be recognised by: itself, base64 of it, and any hex digest prefix of it. */
function traces(value: string): string[] {
  const hex = (algorithm: string, v: string) => createHash(algorithm).update(v).digest("hex");
  return [value, Buffer.from(value).toString("base64"), ...["sha256", "sha1", "md5"].flatMap((a) => [hex(a, value), hex(a, JSON.stringify(value))].map((h) => h.slice(0, 8)))];
}

test("nothing derived from a Secret value alone is shown: weak passwords cannot be looked up", () => {
  const a = bundleOf([secret("db", { password: "hunter2" })]);
  const b = bundleOf([secret("db", { password: "letmein" })]);
  const diff = diffBundles(a, b);
  for (const out of [renderText([diff], { color: false }), renderMarkdown([diff]), renderJson([diff])]) {
    for (const value of ["hunter2", "letmein"]) for (const trace of traces(value)) assert.ok(!out.includes(trace), `${trace} (from ${value}) in:\n${out}`);
  }
  // Changed and unchanged are still told apart.
  assert.equal(diffBundles(a, bundleOf([secret("db", { password: "hunter2" })])).objects.length, 0);
  assert.deepEqual(paths(diff.objects[0]!.changes), ["replace stringData.password"]);
});

test("a Secret's last-applied-configuration and any string holding its values are redacted in every format", () => {
  const applied = (password: string) => JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { password: Buffer.from(password).toString("base64") } });
  const withAnnotations = (password: string, extra: Record<string, unknown> = {}) => ({
    ...secret("db", {}),
    stringData: undefined,
    data: { password: Buffer.from(password).toString("base64") },
    metadata: { name: "db", namespace: "shop-prod", annotations: { "kubectl.kubernetes.io/last-applied-configuration": applied(password), "note.example.com/dsn": `postgres://shop:${password}@db:5432/shop`, team: "payments" } },
    ...extra,
  }) as unknown as Parameters<typeof bundleOf>[0][number];
  const a = bundleOf([withAnnotations("S3cr3t!Passw0rd-old")]);
  const b = bundleOf([withAnnotations("S3cr3t!Passw0rd-new"), { ...withAnnotations("tok-VERY-SECRET"), metadata: { name: "added", namespace: "shop-prod", annotations: { "kubectl.kubernetes.io/last-applied-configuration": applied("tok-VERY-SECRET") } } } as unknown as Parameters<typeof bundleOf>[0][number]]);
  const diff = diffBundles(a, b);
  const outputs = [renderText([diff], { color: false }), renderMarkdown([diff]), renderJson([diff])];
  for (const out of outputs) {
    for (const value of ["S3cr3t!Passw0rd-old", "S3cr3t!Passw0rd-new", "tok-VERY-SECRET"]) {
      for (const trace of [value, Buffer.from(value).toString("base64"), JSON.stringify(Buffer.from(value).toString("base64"))]) assert.ok(!out.includes(trace), `${trace} leaked:\n${out}`);
    }
    assert.match(out, /last-applied-configuration/);
    assert.ok(!out.includes("\u0000") && !out.includes("tkc-secret"), "no masking token reaches output");
  }
  const changed = paths(diff.objects.find((o) => o.name === "db")!.changes);
  assert.ok(changed.includes('replace metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]'), changed.join("\n"));
  assert.ok(changed.includes('replace metadata.annotations["note.example.com/dsn"]'), changed.join("\n"));
  assert.ok(changed.includes("replace data.password"), changed.join("\n"));
});
