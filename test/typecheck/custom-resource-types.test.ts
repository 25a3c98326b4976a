import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

// raw() is typed with every built-in custom resource. tkc's own check leaves their declarations
// out when the sources name none (a third of tsc's work on a small project), and checks again
// with them when that narrower check fails: users see what a check with them all says.
function project(body: string): { dir: string; cache: string } {
  const dir = tempDir("tkc-crd-types-");
  writeFileSync(join(dir, "tkc.config.json"), JSON.stringify({ kubeVersion: "1.36" }));
  writeFileSync(join(dir, "release.k8s.ts"), `import { raw, release, service } from "tkc";\n${body}\n`);
  const cache = tempDir("tkc-crd-types-cache-");
  mkdirSync(cache, { recursive: true });
  return { dir, cache };
}

const build = (p: { dir: string; cache: string }) => runTkc(["build", p.dir, "--out", join(p.dir, "out")], { env: { TKC_CACHE_DIR: p.cache } });
// The checks that ran, as the type check's cache entry records them.
const ran = (p: { cache: string }) => {
  const entries = readdirSync(p.cache).filter((name) => name.startsWith("typecheck-"));
  assert.equal(entries.length, 1, `one type check result in ${p.cache}: ${entries.join(", ")}`);
  const { checks } = JSON.parse(readFileSync(join(p.cache, entries[0]!), "utf8")) as { checks: string[] };
  return { withCrds: checks.includes("with custom resource types"), withoutCrds: checks.includes("without custom resource types") };
};

const RELEASE = `export default release({ name: "crds", version: "1.0.0", environments: { dev: { namespace: "dev" } }, components });`;
const certificate = (apiVersion: string, spec: string) => `raw({ apiVersion: ${apiVersion}, kind: "Certificate", metadata: { name: "api-tls" }, spec: ${spec} })`;

test("a project without custom resources is checked without their types", () => {
  const p = project(`const components = [service({ name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } })];\n${RELEASE}`);
  const result = build(p);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(ran(p), { withCrds: false, withoutCrds: true });
});

test("a custom resource written out is checked against its CRD's types, in one run", () => {
  const good = project(`const components = [${certificate(`"cert-manager.io/v1"`, `{ secretName: "api-tls", issuerRef: { name: "letsencrypt" } }`)}];\n${RELEASE}`);
  const result = build(good);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(ran(good), { withCrds: true, withoutCrds: false });

  const bad = project(`const components = [${certificate(`"cert-manager.io/v1"`, `{ secretName: "api-tls", issuerRef: { name: "letsencrypt" }, renewBeforeDays: 3 }`)}];\n${RELEASE}`);
  const failed = build(bad);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /release\.k8s\.ts:2:\d+ error TS2769: .*'renewBeforeDays' does not exist in type 'CertManagerIoV1CertificateSpec'/);
});

test("a custom resource the sources do not name as text still type-checks: the narrower check fails and the full one decides", () => {
  // The API group is put together at the type level: no source holds "cert-manager.io".
  const p = project([
    `const group = \`\${"cert-manager"}.\${"io"}\` as const;`,
    `const components = [${certificate("`${group}/v1` as const", `{ secretName: "api-tls", issuerRef: { name: "letsencrypt" } }`)}];`,
    RELEASE,
  ].join("\n"));
  const result = build(p);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(ran(p), { withCrds: true, withoutCrds: true });
});
