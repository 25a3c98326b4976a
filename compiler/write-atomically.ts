import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let written = 0;

/**
 * Write a file through a temp file beside it and a rename, so it appears whole or not at all. The
 * temp file has a name of this run and is created exclusively: a link planted at a predictable
 * temp name (`x.ts.tmp`, `x.json.<pid>.tmp`) is not followed, and a link at the target itself is
 * replaced by the rename, not written through. The folder must exist.
 */
export function writeAtomically(file: string, data: string | Buffer): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}-${++written}.tmp`);
  try {
    writeFileSync(temp, data, { flag: "wx" });
    renameSync(temp, file);
  } catch (failure) {
    rmSync(temp, { force: true });
    throw failure;
  }
}
