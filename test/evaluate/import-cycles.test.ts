import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

/** A project whose release.k8s.ts imports `a` from a.k8s.ts and `b` from b.k8s.ts (both written by the caller). */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, "release.k8s.ts"), [
    `import { release } from "tkc";`,
    `import { a } from "./a.k8s.ts";`,
    `import { b } from "./b.k8s.ts";`,
    `export default release({ name: "cyc", version: "1.0.0", environments: { dev: { namespace: "d" }, prod: { namespace: "p" } }, components: [a, b] });`,
    "",
  ].join("\n"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// esbuild makes every top-level const of the bundle a var, so in a cycle a value read while the
// files load is undefined (Node throws there): b's ConfigMap held the text "undefined", unsaid.
test("an import cycle among descriptors is a warning at the import that closes it, once for all environments", () => {
  const dir = project({
    "a.k8s.ts": `import { configMap } from "tkc";\nimport { b } from "./b.k8s.ts";\nexport const a = configMap({ name: "a", data: { peer: String(b) } });\n`,
    "b.k8s.ts": `import { configMap } from "tkc";\nimport { a } from './a.k8s.ts';\nexport const b = configMap({ name: "b", data: { peer: String(a) } });\n`,
  });
  const checked = runTkc(["check", "."], { cwd: dir });
  assert.equal(checked.status, 0, checked.stderr);
  const warnings = checked.stderr.split("\n").filter((line) => / warning TKC2012: /.test(line));
  assert.deepEqual(warnings, ["b.k8s.ts:2:19 warning TKC2012: import cycle: a.k8s.ts -> b.k8s.ts -> a.k8s.ts: a value one of these files reads from another while they load is undefined"]);
  assert.match(checked.stderr, /  2 \| import \{ a \} from '\.\/a\.k8s\.ts';\n {4}\| {19}\^{12}\n/);
});

test("the cycle's warning comes with the error it explains", () => {
  const dir = project({
    "a.k8s.ts": `import { configMap } from "tkc";\nimport { b } from "./b.k8s.ts";\nexport const a = configMap({ name: "a", data: { peer: String(b) } });\nexport const named = ["a"].join("");\n`,
    "b.k8s.ts": `import { configMap } from "tkc";\nimport { named } from "./a.k8s.ts";\nexport const b = configMap({ name: named.toUpperCase(), data: {} });\n`,
  });
  const checked = runTkc(["check", "."], { cwd: dir });
  assert.equal(checked.status, 1);
  assert.match(checked.stderr, /^b\.k8s\.ts:3:\d+ error TKC2002: [^\n]*undefined/m);
  assert.match(checked.stderr, /warning TKC2012: import cycle: a\.k8s\.ts -> b\.k8s\.ts -> a\.k8s\.ts/);
});

test("no warning without a cycle, or for a cycle of types only (erased before the bundle)", () => {
  const dir = project({
    "shared.k8s.ts": `export const peer = "shared";\nexport interface Peer { name: string }\n`,
    "a.k8s.ts": `import { configMap } from "tkc";\nimport { peer } from "./shared.k8s.ts";\nimport type { B } from "./b.k8s.ts";\nexport interface A { b?: B }\nexport const a = configMap({ name: "a", data: { peer } });\n`,
    "b.k8s.ts": `import { configMap } from "tkc";\nimport { peer } from "./shared.k8s.ts";\nimport type { A } from "./a.k8s.ts";\nexport interface B { a?: A }\nexport const b = configMap({ name: "b", data: { peer } });\n`,
  });
  const checked = runTkc(["check", "."], { cwd: dir });
  assert.equal(checked.status, 0, checked.stderr);
  assert.doesNotMatch(checked.stderr, /TKC2012|TKC2013/);
});

test("a cycle inside an npm package the project declares, or a component it makes, is the package's own business: no warning", () => {
  const dir = project({
    "a.k8s.ts": `import { configMap } from "tkc";\nimport { greet } from "cyclic-lib";\nexport const a = configMap({ name: "a", data: { greeting: greet() } });\n`,
    "b.k8s.ts": `import { configMap } from "tkc";\nexport const b = configMap({ name: "b", data: {} });\n`,
  });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "cyc", private: true, dependencies: { "cyclic-lib": "1.0.0" } }));
  const lib = join(dir, "node_modules", "cyclic-lib");
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, "package.json"), JSON.stringify({ name: "cyclic-lib", version: "1.0.0", type: "module", main: "index.js", types: "index.d.ts" }));
  writeFileSync(join(lib, "other.js"), `import { prefix } from "./index.js";\nexport function suffix() { return prefix ? "!" : "?"; }\n`);
  writeFileSync(join(lib, "index.d.ts"), `export declare function greet(): string;\n`);
  // ...and makes a component at load, of a library of components the release need not take (no TKC2013)
  writeFileSync(join(lib, "components.js"), `import { worker } from "tkc";\nexport const spare = worker({ name: "spare", image: "registry.example.com/spare:1.0.0" });\n`);
  writeFileSync(join(lib, "index.js"), `import { suffix } from "./other.js";\nimport { spare } from "./components.js";\nexport const prefix = "hello";\nexport function greet() { return prefix + suffix() + (spare ? "" : ""); }\n`);
  const checked = runTkc(["check", "."], { cwd: dir });
  assert.equal(checked.status, 0, checked.stderr);
  assert.doesNotMatch(checked.stderr, /TKC2012|TKC2013/);
});
