// Bundles each test file with the sources it imports into one ES module (esbuild, no type check:
// `npm test` runs tsc before), so the test processes run on plain node: under tsx every test file
// paid ~0.3 s to start the loader and ~0.2 s more per compiler import (measured: 0.5 CPU-s of the
// ~1 s a small test file took). npm packages stay external; `import.meta.url`, `.dirname` and
// `.filename` keep the values of the file they are written in, so fixtures and module-relative
// paths resolve as they do from the sources. Rebundled only when an input changed.
import { build, version as esbuildVersion } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";

/** Bump when the bundling below changes, so old bundles are not reused. */
const RECIPE = "1";

const moduleLocation = {
  name: "module-location",
  setup(b) {
    b.onLoad({ filter: /\.(ts|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${"/"}node_modules/`)) return undefined;
      let text = readFileSync(args.path, "utf8");
      if (text.includes("import.meta")) {
        text = text
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
          .replaceAll("import.meta.filename", JSON.stringify(args.path))
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      }
      return { contents: text, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

const fingerprint = (root, file) => {
  try {
    const stat = statSync(join(root, file));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "gone";
  }
};

/** The entry that imports every pattern folder's unit tests, so they run in one process. */
const UNITS_ENTRY = "tkc-stdlib-unit-tests";
const UNITS_OUT = "stdlib-unit-tests";

const unitsEntry = (root, units) => ({
  name: "stdlib-unit-tests",
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${UNITS_ENTRY}$`) }, () => ({ path: UNITS_ENTRY, namespace: "units" }));
    b.onLoad({ filter: /.*/, namespace: "units" }, () => ({
      contents: units.map((file) => `import ${JSON.stringify(join(root, file))};`).join("\n"),
      resolveDir: root,
      loader: "js",
    }));
  },
});

/**
 * The bundle of every test file (relative paths in, absolute paths out, same order), and one
 * bundle of all of `units` (the pattern folders' unit tests), built into
 * `<root>/node_modules/.cache/tkc/test-bundles/` unless the last bundles' inputs are unchanged.
 */
export async function testBundles(root, files, units) {
  const dir = join(root, "node_modules", ".cache", "tkc", "test-bundles");
  const stampFile = join(dir, "stamp.json");
  const bundles = files.map((file) => join(dir, file.replace(/\.ts$/, ".mjs")));
  const unitsBundle = join(dir, `${UNITS_OUT}.mjs`);
  const outputs = { bundles, unitsBundle };
  const head = JSON.stringify({ recipe: RECIPE, esbuild: esbuildVersion, node: process.version, files, units });
  if (existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
      const current = stamp.head === head && Object.entries(stamp.inputs).every(([file, print]) => fingerprint(root, file) === print);
      if (current && [...bundles, unitsBundle].every((file) => existsSync(file))) return outputs;
    } catch {
      // an unreadable stamp: bundle again
    }
  }
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...files.map((file) => ({ in: file, out: file.replace(/\.ts$/, "") })), { in: UNITS_ENTRY, out: UNITS_OUT }],
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [moduleLocation, unitsEntry(root, units)],
    metafile: true,
    logLevel: "warning",
    // CommonJS files among the sources call require(); in an ES module bundle it must exist.
    banner: { js: 'import { createRequire as __tkcCreateRequire } from "node:module"; const require = __tkcCreateRequire(import.meta.url);' },
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (!file.startsWith("node_modules/") && !file.startsWith("units:")) inputs[file] = fingerprint(root, file);
  }
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(temp, "stamp.json"), JSON.stringify({ head, inputs }));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(temp, dir);
  return outputs;
}

export const testBundleDir = (root) => relative(root, join(root, "node_modules", ".cache", "tkc", "test-bundles"));
