import { existsSync, readdirSync, readFileSync } from "node:fs";
import { listBundleDir } from "../emit/bundle-dir.js";
import { join } from "node:path";
import type { BundleManifest } from "../emit/bundle-plan.js";
import type { RevisionRecord } from "../model/revision.js";
import { parseRevisionDirName, REVISION_FILE, revisionDirName } from "./layout.js";
import { refuseLinkedFiles, UnsafeOutput } from "./output-path.js";
import { lstatSync } from "node:fs";

export type { ChangeSummary, RevisionRecord } from "../model/revision.js";

/** A revision as found on disk. */
export interface StoredRevision {
  readonly dir: string;
  readonly record: RevisionRecord;
  readonly manifest: BundleManifest;
  /** bundle.json's bytes as read. */
  readonly manifestText: string;
}

/** A history that cannot be read, with the file at fault and how to recover. */
export class HistoryError extends Error {
  constructor(message: string, readonly file: string, readonly hint: string) {
    super(message);
  }
}

function readJson<T>(file: string, what: string): T {
  return readJsonText<T>(file, what).value;
}

function readJsonText<T>(file: string, what: string): { value: T; text: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new HistoryError(`${what} is missing: ${file}`, file, "restore the file from git, or delete the revision's directory to drop it from the history");
  }
  try {
    return { value: JSON.parse(text) as T, text };
  } catch (cause) {
    throw new HistoryError(`${what} is not valid JSON (${(cause as Error).message}): ${file}`, file, "restore the file from git, or delete the revision's directory to drop it from the history");
  }
}

/** Revision numbers present in a history directory, ascending (temp directories are ignored). */
export function listRevisions(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(parseRevisionDirName)
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
}

export function readRevision(dir: string, revision: number): StoredRevision {
  const revisionDir = join(dir, revisionDirName(revision));
  if (lstatSync(revisionDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new UnsafeOutput(`${revisionDir} is a symbolic link; tkc never reads or copies through a link inside the output directory`, revisionDir, "remove the link and restore the revision from git");
  }
  if (existsSync(revisionDir)) refuseLinkedFiles(revisionDir);
  const record = readJson<RevisionRecord>(join(revisionDir, REVISION_FILE), `revision ${revision}'s ${REVISION_FILE}`);
  const { value: manifest, text: manifestText } = readJsonText<BundleManifest>(join(revisionDir, "bundle.json"), `revision ${revision}'s bundle.json`);
  if (record.revision !== revision || record.digest !== manifest.digest) {
    throw new HistoryError(`revision ${revision} is inconsistent: its ${REVISION_FILE} and bundle.json disagree`, join(revisionDir, REVISION_FILE), "run `tkc history --verify` to see what changed; restore the revision from git");
  }
  return { dir: revisionDir, record, manifest, manifestText };
}

export function latestRevision(dir: string): StoredRevision | undefined {
  const revisions = listRevisions(dir);
  return revisions.length > 0 ? readRevision(dir, revisions[revisions.length - 1]!) : undefined;
}

/** The bundle files of a revision (everything but revision.json), name -> content. */
export function readRevisionFiles(revision: StoredRevision): Map<string, string> {
  refuseLinkedFiles(revision.dir);
  const files = new Map<string, string>();
  for (const { name } of listBundleDir(revision.dir)) {
    if (name === REVISION_FILE) continue;
    files.set(name, readFileSync(join(revision.dir, ...name.split("/")), "utf8"));
  }
  return files;
}

/** The newest revision number of a release environment, if it has a history. */
export function latestRevisionNumber(dir: string): number | undefined {
  const revisions = listRevisions(dir);
  return revisions[revisions.length - 1];
}
