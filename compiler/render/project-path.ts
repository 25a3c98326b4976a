import { existsSync, readFileSync, statSync } from "node:fs";
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

/** The largest file tkc reads for a descriptor (as `tkc validate` reads manifests). */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * The text of a regular file of at most MAX_READ_BYTES, or why it is not read. A folder, a FIFO
 * (which would block the build forever) or a device is refused by its type, before it is opened.
 */
export function readRegularText(path: string, shown: string): { text: string } | { problem: string } {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return { problem: `${shown} does not exist` };
  if (!stat.isFile()) return { problem: `${shown} is ${stat.isDirectory() ? "a folder" : "not a regular file"}` };
  if (stat.size > MAX_READ_BYTES) return { problem: `${shown} is ${(stat.size / 1048576).toFixed(1)} MiB; tkc reads files of at most ${MAX_READ_BYTES / 1048576} MiB` };
  return { text: readFileSync(path, "utf8") };
}
