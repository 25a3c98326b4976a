import { dirname, isAbsolute, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isInside, projectRoot, realPath } from "../load/confine.js";

/**
 * The files of tsc's program (`--listFiles`: one path per line after the diagnostics): those of the
 * project (`inside`, e.g. an imported `.json`), and those outside it by their real path, as
 * refusals. tkc's own files (stdlib, generated types) and TypeScript's (its lib.*.d.ts) are the
 * toolchain's, neither.
 */
export function programFiles(output: string, projectDir: string, toolchainPaths: readonly string[]): { inside: string[]; refused: Diagnostic[] } {
  const root = projectRoot(projectDir);
  // The package folder of each toolchain path (tsc's executable sits in `<package>/lib/` or `<package>/bin/`).
  const toolchain = toolchainPaths.map((path) => realPath(path)).filter((p): p is string => p !== undefined).map((p, i) => (i === 0 ? p : dirname(dirname(p))));
  const inside: string[] = [];
  const refused: Diagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    // A listed file is a bare path on its own line; diagnostics carry `(line,col): ` or start with `error`.
    if (line === "" || /^\s/.test(line) || /\(\d+,\d+\): (error|warning|message) TS\d+/.test(line) || /^(error|warning) TS\d+/.test(line)) continue;
    const listed = isAbsolute(line) ? line : resolve(projectDir, line);
    const real = realPath(listed);
    if (real === undefined) continue;
    if (isInside(real, root)) inside.push(listed);
    if (isInside(real, root) || toolchain.some((dir) => isInside(real, dir))) continue;
    refused.push(error("TKC2030", `the type checker was led to ${real}, outside the project (an import, a type-only import or a reference leads there): descriptors read only the project's own files`, {
      hint: "copy the file into the project, or remove the symbolic link or path that leads out of it",
    }));
  }
  return { inside, refused };
}
