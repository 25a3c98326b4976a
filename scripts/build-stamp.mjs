// What dist/ is built from, as one hash: every file of the compiler, the stdlib, the schemas and
// the launcher, the build scripts, and the lock file (the bundled dependencies' versions). `build.mjs
// --if-changed` skips the build when dist/ holds a build of the same inputs.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const INPUT_DIRS = ["compiler", "stdlib", "syntax", "schemas", "bin"];
const INPUT_FILES = ["scripts/build.mjs", "scripts/build-declarations.mjs", "scripts/build-validators.mjs", "scripts/build-stamp.mjs", "package.json", "package-lock.json"];
// A pattern's unit tests and example (with its golden) sit beside its module in stdlib/ but are
// not part of what is built: editing them needs no rebuild.
const NOT_BUILT = /^stdlib\/.*(\.test\.ts$|\/example\/)/;
const OUTPUTS = ["dist/tkc.cjs", "dist/stdlib-realm.js", "dist/evaluator.cjs", "dist/validators", "dist/types/stdlib/index.d.ts"];

export function buildStamp(root) {
  const hash = createHash("sha256");
  const add = (path) => {
    if (!existsSync(path)) return;
    const entries = readdirSync(path, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
      .filter((file) => !NOT_BUILT.test(relative(root, file)))
      .sort();
    for (const file of entries) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  };
  for (const dir of INPUT_DIRS) add(join(root, dir));
  for (const file of INPUT_FILES) hash.update(`${file}\0`).update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : "").update("\0");
  return `${hash.digest("hex")}\n`;
}

export function upToDate(root, stampFile, stamp) {
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) return false;
  return OUTPUTS.every((output) => existsSync(join(root, output)));
}
