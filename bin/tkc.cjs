#!/usr/bin/env node
"use strict";
// Thin launcher: the compiler is bundled into dist/tkc.cjs by `npm run build` (run by `npm ci`).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const bundle = join(__dirname, "..", "dist", "tkc.cjs");
if (!existsSync(bundle)) {
  process.stderr.write("tkc: dist/tkc.cjs is missing; run `npm run build` in " + join(__dirname, "..") + "\n");
  process.exit(70);
}
const { loadWithCodeCache, flushCodeCaches } = require("../compiler/code-cache.cjs");
loadWithCodeCache(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    flushCodeCaches();
    process.exitCode = code;
  });
