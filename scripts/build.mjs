// Bundles the compiler (CLI, pipeline, stdlib) into dist/tkc.cjs and precompiles the schema
// validators into dist/validators/. Runs on `npm ci` (prepare) and before the tests.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
await build({
  entryPoints: [join(root, "compiler/cli/main.ts")],
  outfile: join(root, "dist/tkc.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // esbuild's own JS API stays a runtime dependency: it locates its native binary next to itself.
  external: ["esbuild"],
  // The bundle is CommonJS; give modules that read import.meta.url the bundle's own URL.
  define: { "import.meta.url": "__tkc_import_meta_url" },
  banner: { js: 'const __tkc_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
});
const { buildDeclarations } = await import(join(root, "scripts/build-declarations.mjs"));
buildDeclarations(root);
const validators = join(root, "scripts/build-validators.mjs");
if (existsSync(validators)) {
  const { buildValidators } = await import(validators);
  await buildValidators(join(root, "dist/validators"));
}
if (!process.env.TKC_QUIET_BUILD) console.error(`tkc: built dist/ in ${Date.now() - started} ms`);
