import { existsSync } from "node:fs";
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
