// Bundles the compiler (CLI, pipeline, stdlib) into dist/tkc.cjs and precompiles the schema
// validators into dist/validators/. Runs on `npm ci` (prepare) and before the tests.
import { build } from "esbuild";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

// string-width (a yargs dependency, for --help layout only) builds an RGI_Emoji regex at load
// time: ~14 ms of ICU set-up on every run. Build it on first use instead.
const lazyEmojiRegex = {
  name: "lazy-emoji-regex",
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const lazy = source.replace(
        "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;",
        "let rgiEmojiRegexReal; const rgiEmojiRegex = { test: (text) => (rgiEmojiRegexReal ??= /^\\p{RGI_Emoji}$/v).test(text) };",
      );
      return { contents: lazy, loader: "js" };
    });
  },
};
// yargs does two costly things on every run that tkc never needs: it renders the whole --help text
// after starting a command's handler (~40 ms; kept for a failure that tkc's own .fail() handles
// without help), and it guesses the version by walking up from the bundle for a package.json
// (~20 ms; tkc sets .version() itself). Both are cut at build time. Its platform shim also loads
// node:assert at start-up (~4 ms) for two checks that fail only on misuse: they compare with
// Object.is, as node:assert's strict checks do, and load it only to throw its error. A yargs upgrade that moves any of these fails the build rather than silently running slow.
const leanYargs = {
  name: "lean-yargs",
  setup(plugin) {
    const cuts = [
      { file: /[\\/]yargs[\\/]build[\\/]lib[\\/]command\.js$/, text: "yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();" },
      { file: /[\\/]yargs[\\/]build[\\/]lib[\\/]yargs-factory\.js$/, text: "yargs.version();" },
      {
        file: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/,
        text: "import { notStrictEqual, strictEqual } from 'assert'",
        with: [
          "const notStrictEqual = (actual, expected, message) => { if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message); };",
          "const strictEqual = (actual, expected, message) => { if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message); };",
        ].join(" "),
      },
    ];
    plugin.onLoad({ filter: /[\\/]yargs[\\/](build[\\/]lib[\\/](command|yargs-factory)\.js|lib[\\/]platform-shims[\\/]esm\.mjs)$/ }, (args) => {
      let source = readFileSync(args.path, "utf8");
      for (const cut of cuts.filter((c) => c.file.test(args.path))) {
        if (source.split(cut.text).length !== 2) throw new Error(`lean-yargs: expected one \`${cut.text}\` in ${args.path}`);
        source = source.replace(cut.text, cut.with ?? "/* cut by scripts/build.mjs */");
      }
      return { contents: source, loader: "js" };
    });
  },
};
import { buildStamp, upToDate } from "./build-stamp.mjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
// `--if-changed` (npm test): nothing to do when dist/ was built from exactly these inputs.
const stamp = buildStamp(root);
const stampFile = join(root, "dist", ".build-stamp");
if (process.argv.includes("--if-changed") && upToDate(root, stampFile, stamp)) {
  if (!process.env.TKC_QUIET_BUILD) console.error("tkc: dist/ is up to date");
  process.exit(0);
}
rmSync(stampFile, { force: true });
// Entry points are named from the checkout (absWorkingDir): esbuild reads a "*" in an entry's
// path as a wildcard, so a checkout under a folder such as ~/we*rd/ would not build.
await build({
  absWorkingDir: root,
  entryPoints: ["./compiler/cli/main.ts"],
  outfile: join(root, "dist/tkc.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Node 20 has regex set notation (/v); lowered to new RegExp(...) it is parsed at load (~20 ms
  // for string-width's emoji regex) instead of lazily.
  supported: { "regexp-set-notation": true, "regexp-unicode-property-escapes": true },
  // esbuild's own JS API stays a runtime dependency: it locates its native binary next to itself.
  external: ["esbuild"],
  // The bundle is CommonJS; give modules that read import.meta.url the bundle's own URL.
  // yargs' string-width dependencies create Intl.Segmenters at load time (~30 ms of ICU set-up on
  // every run, used only to lay out --help): make them lazy.
  define: { "import.meta.url": "__tkc_import_meta_url", "Intl.Segmenter": "__tkc_LazySegmenter" },
  banner: {
    js: [
      'const __tkc_import_meta_url = require("node:url").pathToFileURL(__filename).href;',
      "class __tkc_LazySegmenter { constructor(...args) { this.args = args; } segment(text) { return (this.real ??= new Intl.Segmenter(...this.args)).segment(text); } }",
    ].join("\n"),
  },
  sourcemap: "linked",
  plugins: [lazyEmojiRegex, leanYargs],
  logLevel: "warning",
  legalComments: "none",
});
// The evaluation realm's script: the stdlib (and what it needs) as one strict, self-contained
// script that runs inside the sandbox's V8 context, never in the host realm (docs/dsl.md).
await build({
  absWorkingDir: root,
  entryPoints: ["./compiler/evaluate/realm/entry.ts"],
  outfile: join(root, "dist/stdlib-realm.js"),
  bundle: true,
  platform: "neutral",
  format: "iife",
  target: "es2022",
  mainFields: ["main", "module"],
  // Handlebars' Node entry registers require.extensions (fs); its browser build is the same engine.
  alias: { handlebars: "handlebars/dist/cjs/handlebars.js" },
  // Handlebars compiles templates with Function; the realm's global one refuses (see the prelude).
  inject: ["./compiler/evaluate/realm/intrinsics.ts"],
  banner: { js: '"use strict";' },
  logLevel: "warning",
  legalComments: "none",
});
/** A CommonJS bundle for Node of one entry under compiler/, into dist/. */
function nodeBundle(entry, outfile, extra = {}) {
  return build({ absWorkingDir: root, entryPoints: [`./${entry}`], outfile: join(root, outfile), bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning", legalComments: "none", ...extra });
}
// `tkc build`'s fast path (compiler/cli/warm-main.ts): the front of the pipeline only, loaded by
// bin/tkc.cjs before the whole compiler; a build with nothing to do never loads dist/tkc.cjs.
await nodeBundle("compiler/cli/warm-main.ts", "dist/warm.cjs", {
  define: { "import.meta.url": "__tkc_import_meta_url" },
  banner: { js: 'const __tkc_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});
// The evaluation process: small, so it starts while esbuild bundles the descriptors.
await nodeBundle("compiler/evaluate/child/evaluator.ts", "dist/evaluator.cjs", { banner: { js: '"use strict";' } });
// The CEL evaluator of CRD rules, loaded by compiler/validate/schema/cel-rules.ts on first use.
await nodeBundle("compiler/validate/schema/cel-engine.ts", "dist/cel.cjs");
// V8 keeps a script with one non-ASCII character as a two-byte string (twice the memory, slower to
// read and hash): esbuild escapes strings but not regular expressions, so say where one slipped in.
// (dist/cel.cjs is left out: the CEL package itself has a "µs" in a regular expression.)
for (const file of ["dist/tkc.cjs", "dist/warm.cjs", "dist/stdlib-realm.js", "dist/evaluator.cjs"]) {
  const text = readFileSync(join(root, file), "utf8");
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) console.error(`tkc build: warning: ${file} is not ASCII near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}: write the character as an escape`);
}
const { buildDeclarations } = await import(join(root, "scripts/build-declarations.mjs"));
buildDeclarations(root);
const validators = join(root, "scripts/build-validators.mjs");
if (existsSync(validators)) {
  const { buildValidators } = await import(validators);
  await buildValidators(join(root, "dist/validators"));
}
writeFileSync(stampFile, stamp);
if (!process.env.TKC_QUIET_BUILD) console.error(`tkc: built dist/ in ${Date.now() - started} ms`);
