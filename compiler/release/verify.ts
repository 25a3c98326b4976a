import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { sha256 } from "../cache/cache-dir.js";
import { bundleDigest } from "../emit/bundle-plan.js";
import { REVISION_FILE } from "./layout.js";
import { HistoryError, listRevisions, readRevision } from "./revision.js";

/**
 * Recompute every stored digest of a history: each object file's sha256, each bundle digest, and
 * the chain of parent digests. Anything that differs was changed after it was recorded.
 */
export function verifyHistory(dir: string): { revisions: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const numbers = listRevisions(dir);
  let previousDigest: string | null = null;
  let previousNumber: number | undefined;
  for (const number of numbers) {
    let stored;
    try {
      stored = readRevision(dir, number);
    } catch (failure) {
      if (!(failure instanceof HistoryError)) throw failure;
      diagnostics.push(error("TKC4005", failure.message, { location: { file: failure.file, line: 1, column: 1 }, hint: failure.hint }));
      previousDigest = null;
      continue;
    }
    const { manifest, record } = stored;
    const at = { file: join(stored.dir, "bundle.json"), line: 1, column: 1 };
    const contents = new Map<string, string>();
    for (const object of manifest.objects) {
      const file = join(stored.dir, object.file);
      if (!existsSync(file)) {
        diagnostics.push(error("TKC4005", `revision ${number}: ${object.file} is missing`, { location: at, hint: "restore the revision from git" }));
        continue;
      }
      if (manifest.layout === "files") {
        const actual = sha256(readFileSync(file, "utf8"));
        if (actual !== object.sha256) {
          diagnostics.push(error("TKC4005", `revision ${number}: ${object.file} was modified after it was recorded (sha256 ${actual.slice(0, 12)}, recorded ${object.sha256.slice(0, 12)})`, {
            location: { file, line: 1, column: 1 },
            hint: "revisions are immutable: restore the file from git; change the descriptors and build to make a new revision",
          }));
        }
      } else contents.set(object.file, readFileSync(file, "utf8"));
    }
    if (manifest.layout === "stream") {
      const documents = (contents.get("manifests.yaml") ?? "").split(/^---\n/m).filter(Boolean);
      manifest.objects.forEach((object, index) => {
        if (sha256(documents[index] ?? "") !== object.sha256) {
          diagnostics.push(error("TKC4005", `revision ${number}: document ${index + 1} of manifests.yaml was modified after it was recorded`, { location: { file: join(stored.dir, "manifests.yaml"), line: 1, column: 1 }, hint: "restore the file from git" }));
        }
      });
    }
    if (bundleDigest(manifest.objects) !== manifest.digest) {
      diagnostics.push(error("TKC4005", `revision ${number}: bundle.json's digest does not match its objects`, { location: at, hint: "bundle.json was edited; restore it from git" }));
    }
    if (previousNumber !== undefined && previousDigest !== null && record.parentDigest !== previousDigest) {
      diagnostics.push(error("TKC4005", `revision ${number}: its parent digest does not match revision ${previousNumber}`, {
        location: { file: join(stored.dir, REVISION_FILE), line: 1, column: 1 },
        hint: "a revision was replaced or edited; restore the history from git",
      }));
    }
    previousDigest = record.digest;
    previousNumber = number;
  }
  return { revisions: numbers.length, diagnostics };
}
