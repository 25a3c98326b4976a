// Emits .d.ts files for the stdlib (and what it imports) into dist/types, plus every Kubernetes
// version's generated types as .d.ts: `tkc check` reads these instead of re-checking tkc's own
// sources on every run (see compiler/paths.ts, TypeSource).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export function buildDeclarations(root) {
  const out = join(root, "dist", "types");
  rmSync(out, { recursive: true, force: true });
  const tsconfig = join(root, "dist", "tsconfig.declarations.json");
  // tkc/k8s is the default version's types (the table in schemas/kube-versions.json).
  const defaultVersion = JSON.parse(readFileSync(join(root, "schemas", "kube-versions.json"), "utf8")).default;
  mkdirSync(dirname(tsconfig), { recursive: true });
  writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: {
      strict: true, target: "es2022", module: "esnext", moduleResolution: "bundler", lib: ["es2022"], types: [],
      declaration: true, emitDeclarationOnly: true, skipLibCheck: true, rootDir: root, outDir: out,
      paths: { "tkc/k8s": [join(root, `schemas/v${defaultVersion}/types.ts`)], "tkc/crds": [join(root, "schemas/crds/types.ts")] },
    },
    files: [join(root, "stdlib/index.ts"), join(root, "stdlib/text-modules.d.ts"), join(root, "stdlib/sandbox-globals.d.ts")],
  }, null, 2));
  const require = createRequire(join(root, "package.json"));
  const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", tsconfig], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`declaration build failed:\n${result.stdout}${result.stderr}`);
  // Ambient files are not emitted; index.d.ts references them, so they ship beside it.
  // tsc drops the source's reference directives from the emitted index.d.ts: put them back, so a
  // project that imports "tkc" gets the sandbox's globals and the text-module declarations.
  const ambients = ["sandbox-globals.d.ts", "text-modules.d.ts"];
  for (const ambient of ambients) copyFileSync(join(root, "stdlib", ambient), join(out, "stdlib", ambient));
  const index = join(out, "stdlib", "index.d.ts");
  const references = ambients.map((ambient) => `/// <reference path="./${ambient}" />\n`).join("");
  const emitted = readFileSync(index, "utf8");
  if (!emitted.startsWith(references)) writeFileSync(index, references + emitted);
  // Generated type files hold only declarations: each version is a valid .d.ts as it is.
  for (const name of readdirSync(join(root, "schemas"))) {
    const source = join(root, "schemas", name, "types.ts");
    if (!/^v\d+\.\d+$/.test(name) || !existsSync(source)) continue;
    mkdirSync(join(out, "schemas", name), { recursive: true });
    copyFileSync(source, join(out, "schemas", name, "types.d.ts"));
  }
  rmSync(tsconfig);
}
