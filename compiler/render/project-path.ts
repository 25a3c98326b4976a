import { existsSync } from "node:fs";
import { MAX_FILE_BYTES, readRegularFile } from "../load/regular-file.js";
import { isAbsolute, resolve } from "node:path";
import { isInside, projectRoot, realPath } from "../load/confine.js";

/**
 * A path a descriptor names (relative to the project folder), as a real path inside the project,
 * or the reason it is refused. Judged after links are resolved, like imports.
 */
export function projectPath(projectDir: string, path: string): { path: string } | { problem: string } {
  if (isAbsolute(path)) return { problem: `${path} is an absolute path; name a file in the project, relative to its folder` };
  const full = resolve(projectDir, path);
  // Outside by name is refused before anything is looked at (not even whether it exists).
  if (!isInside(full, resolve(projectDir)) && !isInside(full, projectRoot(projectDir))) return { problem: `${path} lies outside the project: tkc does not read it` };
  if (!existsSync(full)) return { problem: `${path} does not exist in the project` };
  const real = realPath(full);
  if (real === undefined || !isInside(real, projectRoot(projectDir))) return { problem: `${path} lies outside the project: tkc does not read it` };
  return { path: real };
}

/**
 * The text of a regular file of at most MAX_FILE_BYTES, or why it is not read (regular-file.ts:
 * a FIFO, which would block the build for ever, or a folder is refused before it is opened).
 */
export function readRegularText(path: string, shown: string): { text: string } | { problem: string } {
  const read = readRegularFile(path, MAX_FILE_BYTES);
  if ("text" in read) return { text: read.text };
  if ("notRegular" in read) return { problem: `${shown} is ${read.notRegular === "a folder" ? "a folder" : "not a regular file"}` };
  if ("tooLarge" in read) return { problem: `${shown} is ${(read.tooLarge / 1048576).toFixed(1)} MiB; tkc reads files of at most ${MAX_FILE_BYTES / 1048576} MiB` };
  return { problem: read.failed === "ENOENT" ? `${shown} does not exist` : `cannot read ${shown}: ${read.failed}` };
}
