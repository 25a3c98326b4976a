// The package as users install it: `npm pack`, `npm i -D` of the tarball into an empty project,
// `npx tkc init`, a plain `tsc --noEmit -p .` (no paths, types from the package's exports), then
// `tkc build`. Offline: tkc's dependencies come from npm's cache (see install.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot, tempDir } from "../support/cli.js";
import { specifiersOf } from "../architecture/import-graph.js";
import { installOffline, packTarball } from "./install.js";

const timings: string[] = [];

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  timings.push(`${[command.split("/").pop(), ...args].join(" ")}: ${Date.now() - started} ms`);
  return { status: result.status ?? -1, out: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

test("the npm tarball installs into an empty project, scaffolds, type-checks with plain tsc and builds", (t) => {
  const work = tempDir("tkc-package-");
  try {
    const packStarted = Date.now();
    const { tarball, files } = packTarball(work);
    timings.push(`npm pack: ${Date.now() - packStarted} ms`);
    for (const file of ["dist/tkc.cjs", "dist/types/stdlib/index.d.ts", "dist/types/stdlib/sandbox-globals.d.ts", "dist/types/schemas/crds/types.d.ts", "docs/errors/TKC1001.md", "syntax/index.ts", "dist/types/syntax/index.d.ts"]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    assert.deepEqual(files.filter((f) => f.startsWith("dist/types/compiler/")), [], "the published types hold no compiler/ declarations");
    assert.deepEqual(files.filter((f) => f.endsWith(".v8cache")), [], "no machine-specific V8 code cache in the package");

    const project = join(work, "user-project");
    mkdirSync(project);
    const installed = installOffline(project, tarball);
    if (!installed.ok) return t.skip(installed.reason);
    t.diagnostic(`offline install: ${installed.millis} ms`);
    assert.ok(existsSync(join(project, "node_modules/.bin/tkc")));

    // `npx tkc init` in the current folder, next to the package.json npm wrote.
    const packageJson = readFileSync(join(project, "package.json"), "utf8");
    const init = run("npx", ["--no-install", "tkc", "init"], project);
    assert.equal(init.status, 0, init.out);
    assert.equal(readFileSync(join(project, "package.json"), "utf8"), packageJson, "package.json untouched");
    const tsconfig = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8"));
    assert.equal(tsconfig.compilerOptions.paths, undefined, "installed from npm, the tsconfig needs no paths");
    assert.match(readFileSync(join(project, ".gitignore"), "utf8"), /^node_modules\/$/m);

    // The editor's view: plain tsc (the package's own TypeScript 7) with the scaffold's tsconfig,
    // against the emitted declarations; console is declared, as the sandbox provides it.
    const descriptor = join(project, "release.k8s.ts");
    const scaffold = readFileSync(descriptor, "utf8");
    const withConsole = `${scaffold}console.log("rendering", web.name);\n`;
    writeFileSync(descriptor, withConsole);
    const tsc = join(project, "node_modules/.bin/tsc");
    const clean = run(tsc, ["--noEmit", "-p", ".", "--listFiles"], project);
    assert.equal(clean.status, 0, clean.out);
    const listed = clean.stdout;
    assert.match(listed, /node_modules\/tkc\/dist\/types\/stdlib\/index\.d\.ts/);
    assert.doesNotMatch(listed, /node_modules\/tkc\/stdlib\/index\.ts/, "editors read the declarations, not the stdlib sources");

    // A monorepo's own root tsconfig: Node's resolution, and the package's .d.ts files checked too.
    writeFileSync(join(project, "tsconfig.monorepo.json"), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022"], types: [], skipLibCheck: false },
      include: ["*.k8s.ts"],
    }));
    const monorepo = run(tsc, ["-p", "tsconfig.monorepo.json"], project);
    assert.equal(monorepo.status, 0, monorepo.out);

    writeFileSync(descriptor, scaffold.replace("replicas: perEnv({ dev: 1, prod: 3 })", 'replicas: "3"'));
    assert.notEqual(readFileSync(descriptor, "utf8"), scaffold, "the planted mistake is in the file");
    const planted = run(tsc, ["--noEmit", "-p", "."], project);
    assert.equal(planted.status, 1);
    assert.match(planted.out, /release\.k8s\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable/);

    // The same mistake is a tkc error too; fixed, the scaffold builds at once (console and all).
    const tkc = join(project, "node_modules/.bin/tkc");
    const rejected = run(tkc, ["build"], project);
    assert.equal(rejected.status, 1, rejected.out);
    assert.match(rejected.out, /release\.k8s\.ts:\d+:\d+ error TS2322/);
    writeFileSync(descriptor, withConsole);
    const built = run(tkc, ["build"], project);
    assert.equal(built.status, 0, built.out);
    assert.match(built.out, /^\[descriptor\] rendering web$/m, "tkc's own type check knows console too");
    assert.match(built.stdout, /^user-project\/dev: revision 1 \(version 0\.1\.0\), \+3 ~0 -0 objects, sha256:[0-9a-f]{12}… -> out\/user-project\/dev/);
    assert.ok(existsSync(join(project, "out/user-project/prod/bundle.json")));
    // Built again with nothing changed: the installed package's fast path (dist/warm.cjs) answers.
    const again = run(tkc, ["build"], project, { TKC_TIMINGS: "1" });
    assert.equal(again.status, 0, again.out);
    assert.match(again.stdout, /^user-project\/dev: unchanged, revision 1 \(version 0\.1\.0\)/);
    assert.match(again.out, /"front":/, "answered by the front of the pipeline");

    // The docs ship too: `tkc explain` reads the page from the installed package.
    const explain = run(tkc, ["explain", "TKC1004"], project);
    assert.equal(explain.status, 0, explain.out);
    assert.match(explain.stdout, /^# TKC1004/);

    // A CRD imported into the installed project: raw() takes its kind in the editor's view.
    const crd = run(tkc, ["import", "crd", join(repoRoot, "test/crd/fixtures/widgets-crd.yaml")], project);
    assert.equal(crd.status, 0, crd.out);
    writeFileSync(join(project, "widgets.k8s.ts"), `import { raw } from "tkc";

export const widget = raw({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2, color: "green" } });
// @ts-expect-error "purple" is not a colour of the CRD
export const bad = raw({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2, color: "purple" } });
`);
    const custom = run(tsc, ["--noEmit", "-p", "."], project);
    assert.equal(custom.status, 0, custom.out);
  } finally {
    t.diagnostic(timings.join("; "));
    rmSync(work, { recursive: true, force: true });
  }
});

test("package.json exports resolve to emitted declarations, and tkc/k8s is the default Kubernetes version", async () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  const { defaultKubeVersion } = await import("../../schemas/index.js");
  assert.equal(manifest.exports["./k8s"].types, `./dist/types/schemas/v${defaultKubeVersion}/types.d.ts`);
  for (const entry of [".", "./k8s", "./crds"]) {
    const types = manifest.exports[entry].types as string;
    assert.ok(existsSync(join(repoRoot, types)), `${entry} -> ${types} exists after the build`);
    assert.ok(manifest.files.some((f: string) => types.startsWith(`./${f}/`)), `${types} is in "files"`);
  }
});

test("the published declarations never import or reference compiler/ paths", () => {
  const types = join(repoRoot, "dist", "types");
  assert.ok(existsSync(join(types, "stdlib", "index.d.ts")), "the build emitted dist/types");
  assert.equal(existsSync(join(types, "compiler")), false, "no dist/types/compiler/ folder");
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      if (!entry.name.endsWith(".d.ts")) continue;
      const text = readFileSync(full, "utf8");
      const references = [...text.matchAll(/^\/\/\/\s*<reference\s+path="([^"]+)"/gm)].map((m) => m[1]!);
      for (const specifier of [...specifiersOf(text), ...references]) {
        if (!specifier.startsWith(".")) continue;
        const target = relative(types, resolve(dirname(full), specifier));
        if (target.startsWith("..") || target.startsWith("compiler")) offenders.push(`${relative(types, full)} -> ${specifier}`);
      }
    }
  };
  walk(types);
  assert.deepEqual(offenders, [], "every declaration stays inside dist/types and outside compiler/");
});
