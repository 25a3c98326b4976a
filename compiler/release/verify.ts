import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { sameOnDisk } from "../emit/write-bundle.js";
import { listBundleDir } from "../emit/bundle-dir.js";
import { hintFor, lineEndsHint, revisionProblems } from "./check-revision.js";
import { outRootOfBundle, REVISION_FILE } from "./layout.js";
import { refuseLinkedFiles, UnsafeOutput } from "./output-path.js";
import { HistoryError, listRevisions, readRevision, readRevisionFiles, type StoredRevision } from "./revision.js";

const at = (file: string) => ({ file, line: 1, column: 1 });

/**
 * Check a whole history and the bundle it ends in: every file of every revision (objects,
 * kustomization.yaml, the whole bundle.json and the hashes revision.json recorded), each bundle
 * digest, the chain of parent digests, and that the current bundle (what gets applied) is byte for
 * byte a recorded revision, normally the latest.
 */
export function verifyHistory(dir: string, currentDir?: string): { revisions: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const numbers = listRevisions(dir);
  const good: StoredRevision[] = [];
  let previousDigest: string | null = null;
  let previousNumber: number | undefined;
  for (const number of numbers) {
    let stored: StoredRevision;
    let files: Map<string, string>;
    try {
      stored = readRevision(dir, number);
      files = readRevisionFiles(stored);
    } catch (failure) {
      if (!(failure instanceof HistoryError) && !(failure instanceof UnsafeOutput)) throw failure;
      // A link's location would show a line of the file it points to: only files of our own get one.
      diagnostics.push(error(failure instanceof UnsafeOutput ? "TKC4007" : "TKC4005", failure.message, { ...(failure instanceof HistoryError ? { location: at(failure.file) } : {}), hint: failure.hint }));
      previousDigest = null;
      continue;
    }
    const problems = revisionProblems(stored, files);
    for (const problem of problems) {
      diagnostics.push(error("TKC4005", problem.message, { location: at(problem.file), hint: hintFor([problem], stored, "revisions are immutable: restore the file from git; change the descriptors and build to make a new revision") }));
    }
    if (problems.length === 0) good.push(stored);
    const { record } = stored;
    if (previousNumber !== undefined && previousDigest !== null && record.parentDigest !== previousDigest) {
      diagnostics.push(error("TKC4005", `revision ${number}: its parent digest does not match revision ${previousNumber}`, {
        location: at(join(stored.dir, REVISION_FILE)),
        hint: "a revision was replaced or edited; restore the history from git",
      }));
    }
    previousDigest = record.digest;
    previousNumber = number;
  }
  if (currentDir !== undefined && numbers.length > 0) diagnostics.push(...verifyCurrent(currentDir, good, numbers[numbers.length - 1]!));
  return { revisions: numbers.length, diagnostics };
}

/** The current bundle must be byte for byte one recorded revision: the latest, or (after an interrupted build) an earlier one. */
function verifyCurrent(currentDir: string, revisions: readonly StoredRevision[], latest: number): Diagnostic[] {
  if (!existsSync(join(currentDir, "bundle.json"))) {
    return [warning("TKC4005", `the current bundle ${currentDir} is missing`, { hint: "run `tkc build` (or `tkc rollback`) again: it rewrites the bundle from the latest revision" })];
  }
  try {
    refuseLinkedFiles(currentDir);
  } catch (failure) {
    if (!(failure instanceof UnsafeOutput)) throw failure;
    return [error("TKC4007", failure.message, { hint: failure.hint })];
  }
  let manifestText = "";
  let digest: unknown;
  try {
    manifestText = readFileSync(join(currentDir, "bundle.json"), "utf8");
    digest = JSON.parse(manifestText).digest;
  } catch {
    digest = undefined;
  }
  // Newest first: a rollback makes several revisions share a digest.
  for (const stored of [...revisions].reverse()) {
    if (stored.record.digest !== digest) continue;
    const files = readRevisionFiles(stored);
    if (!sameOnDisk(currentDir, files)) continue;
    if (stored.record.revision === latest) return [];
    return [warning("TKC4005", `the current bundle ${currentDir} is revision ${stored.record.revision}, not the latest (${latest}): a build or rollback was interrupted`, { hint: "run the build again: it completes the bundle from the latest revision" })];
  }
  const edited = listBundleDir(currentDir);
  // tkc's bundle.json never holds a raw CR (JSON escapes it): one there is git's line-end conversion.
  const converted = manifestText.includes("\r\n");
  return [
    error("TKC4005", `the current bundle ${currentDir} is not byte for byte any recorded revision: it was ${converted ? "checked out with CRLF line ends" : "edited after the build"} (${edited.length} files)`, {
      location: at(join(currentDir, "bundle.json")),
      hint: converted ? lineEndsHint(outRootOfBundle(currentDir)) : "run `tkc build` again: an unchanged build rewrites the bundle from the verified latest revision (or `git checkout` it)",
    }),
  ];
}
