import { join, relative, sep } from "node:path";
import { repositoryTop } from "../repository-top.js";
import { outRootOfRevision } from "./layout.js";
import { sha256 } from "../cache/cache-dir.js";
import { bundleDigest, KUSTOMIZATION_FILE, kustomization, renderManifest } from "../emit/bundle-plan.js";
import type { BundleManifest } from "../emit/bundle-plan.js";
import type { StoredRevision } from "./revision.js";

/** A file of a revision (or of the current bundle) that is not what was recorded. */
export interface Problem {
  readonly file: string;
  readonly message: string;
  /** Its bytes are the recorded ones but for CRLF line ends: git converted them (core.autocrlf). */
  readonly lineEnds?: true;
}

/**
 * The hint for problems that are line ends only. Git for Windows checks text files out with
 * CRLF by default (core.autocrlf), which changes every hashed byte of a committed out/. It names
 * `folder` (the output root, or a bundle's own folder) as a .gitattributes pattern: relative to
 * the repository's top, where a pattern with a slash is anchored, and as a path from here.
 */
export function lineEndsHint(folder: string): string {
  const top = repositoryTop(folder);
  const pattern = (top === undefined ? relative(process.cwd(), folder) : relative(top, folder)).split(sep).join("/");
  const here = relative(process.cwd(), folder) || ".";
  const where = top === undefined ? ".gitattributes" : `the .gitattributes at the repository's top${pattern === "out" ? " (tkc init writes it)" : ""}`;
  return `git converted the line ends on checkout (core.autocrlf, Git for Windows' default): add \`${pattern ? `${pattern}/**` : "**"} -text\` to ${where}, then \`rm -rf ${here} && git checkout -- ${here}\``;
}

/** The text with CRLF line ends made LF again, as tkc wrote it before git converted it. */
export function withLfLineEnds(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/** Whether `text` is what `matches` wants once its CRLF line ends are LF again. */
export function onlyLineEnds(text: string, matches: (lf: string) => boolean): boolean {
  return text.includes("\r\n") && matches(withLfLineEnds(text));
}

/** One line of hints for `problems` of revision `stored`: the line-ends one when they are all of that kind. */
export function hintFor(problems: readonly Problem[], stored: StoredRevision, otherwise: string): string {
  return problems.length > 0 && problems.every((p) => p.lineEnds) ? lineEndsHint(outRootOfRevision(stored.dir)) : otherwise;
}

/** The documents of a stream-layout manifests.yaml, each without its `---` line. */
export function streamDocuments(text: string): string[] {
  return text.split(/^---\n/m).filter(Boolean);
}

/**
 * Every check of one revision's bundle files (`files`: name -> content, revision.json aside):
 * each object's sha256, the bundle digest, the exact set of files, kustomization.yaml as tkc writes
 * it, bundle.json byte for byte as tkc renders it, and the sha256 of every file revision.json
 * recorded (revisions recorded before tkc kept those hashes are checked without them).
 */
export function revisionProblems(stored: StoredRevision, files: ReadonlyMap<string, string>): Problem[] {
  const problems = fileProblems(stored, files);
  const nameOf = new Map([...files.keys()].map((name) => [join(stored.dir, name), name]));
  const converted = problems.filter((p) => files.get(nameOf.get(p.file) ?? "")?.includes("\r\n"));
  if (converted.length === 0) return problems;
  // The same checks on the files with LF line ends again: what passes then was only converted.
  const lf = new Map([...files].map(([name, text]) => [name, withLfLineEnds(text)]));
  const still = new Set(fileProblems(stored, lf).map((p) => p.file));
  return problems.map((p) => (converted.includes(p) && !still.has(p.file) ? { file: p.file, message: `revision ${stored.record.revision}: ${nameOf.get(p.file)} has CRLF line ends where tkc wrote LF`, lineEnds: true } : p));
}

function fileProblems(stored: StoredRevision, files: ReadonlyMap<string, string>): Problem[] {
  const { manifest, record } = stored;
  const n = record.revision;
  const at = (name: string) => join(stored.dir, name);
  const problems: Problem[] = [];
  const objectFiles = [...new Set(manifest.objects.map((o) => o.file))];
  const expected = new Set(["bundle.json", ...objectFiles, ...(files.has(KUSTOMIZATION_FILE) || record.files ? [KUSTOMIZATION_FILE] : []), ...Object.keys(record.files ?? {})]);
  for (const name of expected) if (!files.has(name)) problems.push({ file: at(name), message: `revision ${n}: ${name} is missing` });
  for (const name of files.keys()) if (!expected.has(name)) problems.push({ file: at(name), message: `revision ${n}: ${name} is not part of the recorded bundle` });
  if (manifest.layout === "stream") {
    const documents = streamDocuments(files.get(objectFiles[0] ?? "") ?? "");
    manifest.objects.forEach((object, index) => {
      if (files.has(object.file) && sha256(documents[index] ?? "") !== object.sha256) {
        problems.push({ file: at(object.file), message: `revision ${n}: document ${index + 1} of ${object.file} was modified after it was recorded` });
      }
    });
  } else {
    for (const object of manifest.objects) {
      const text = files.get(object.file);
      if (text === undefined) continue;
      const actual = sha256(text);
      if (actual !== object.sha256) {
        problems.push({ file: at(object.file), message: `revision ${n}: ${object.file} was modified after it was recorded (sha256 ${actual.slice(0, 12)}, recorded ${object.sha256.slice(0, 12)})` });
      }
    }
  }
  if (bundleDigest(manifest.objects, manifest.inputs) !== manifest.digest) problems.push({ file: at("bundle.json"), message: `revision ${n}: bundle.json's digest does not match its objects` });
  if (files.has("bundle.json") && files.get("bundle.json") !== renderManifest(manifest)) {
    problems.push({ file: at("bundle.json"), message: `revision ${n}: bundle.json is not as tkc wrote it (edited by hand)` });
  }
  if (files.has(KUSTOMIZATION_FILE) && files.get(KUSTOMIZATION_FILE) !== kustomization(objectFiles)) {
    problems.push({ file: at(KUSTOMIZATION_FILE), message: `revision ${n}: ${KUSTOMIZATION_FILE} does not list exactly the bundle's object files` });
  }
  for (const [name, digest] of Object.entries(record.files ?? {})) {
    const text = files.get(name);
    if (text !== undefined && sha256(text) !== digest) problems.push({ file: at(name), message: `revision ${n}: ${name} was modified after it was recorded` });
  }
  // one message per file is enough
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.file) && seen.add(p.file));
}

/** sha256 of every file of a bundle, as revision.json records it (object files' hashes are the manifest's). */
export function fileHashes(manifest: BundleManifest, files: ReadonlyMap<string, string>): Record<string, string> {
  const known = new Map(manifest.layout === "files" ? manifest.objects.map((o) => [o.file, o.sha256]) : []);
  return Object.fromEntries([...files.keys()].sort().map((name) => [name, known.get(name) ?? sha256(files.get(name)!)]));
}
