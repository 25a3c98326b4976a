import { statSync } from "node:fs";
import { tmpdir } from "node:os";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * tkc makes temporary folders (Helm's and kubectl's home, a read-only checkout's cache, the base
 * revision `diff --base` exports) under the system's temporary folder, TMPDIR on Unix. One that does not
 * exist crashed those builds (exit 70, ENOENT from mkdtemp); every command now says so first.
 */
export function tempFolderProblem(env: Readonly<Record<string, string | undefined>>): Diagnostic | undefined {
  if (!env.TMPDIR) return undefined;
  const folder = tmpdir();
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  return error("TKC1009", `TMPDIR names ${JSON.stringify(folder)}, which is not a folder: tkc makes its temporary folders there`, {
    hint: "create that folder, point TMPDIR at one that exists, or unset it",
  });
}
