import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { identityKey, withRemoved, type BundleManifest, type BundlePlan, type ObjectIdentity } from "../emit/bundle-plan.js";
import { sameOnDiskStats, statBundle, writeBundle, writeFiles } from "../emit/write-bundle.js";
import { fileHashes, hintFor, revisionProblems } from "./check-revision.js";
import { currentBundleDir, historyDir, parseRevisionDirName, REVISION_FILE, revisionDirName } from "./layout.js";
import { withHistoryLock } from "./lock.js";
import { refuseLinks } from "./output-path.js";
import { abandonedEntries, ownerTag } from "./owner.js";
import { HistoryError, latestRevision, listRevisions, readRevision, readRevisionFiles, type ChangeSummary, type RevisionRecord, type StoredRevision } from "./revision.js";
import { recordTime } from "./source-commit.js";

export interface RecordOptions {
  readonly outRoot: string;
  /** Record different content under a version that already has a revision, even when strict. */
  readonly allowSameVersion?: boolean;
  /** Refuse different content under a version that already has a revision (TKC4001). */
  readonly strictVersion?: boolean;
  /** Keep at most this many revisions (the newest); older ones are deleted. */
  readonly keep?: number;
  readonly sourceCommit: string | null;
}

export interface RecordOutcome {
  /** `recorded`: a new revision; `unchanged`: same digest as the latest revision. */
  readonly status: "recorded" | "unchanged";
  readonly revision: number;
  readonly version: string;
  readonly changes: ChangeSummary;
  readonly manifest: BundleManifest;
  /** Whether the current bundle was (re)written. */
  readonly wrote: boolean;
  /** The revision's note (new content under a version already released). */
  readonly note?: string;
  /** Size and mtime of each file of the current bundle, taken under the lock. */
  readonly stats: Record<string, [number, number]>;
  /** The latest revision of the history and the stats of its record and manifest, taken under the lock. */
  readonly latest: LatestRevisionStats;
}

/** What the warm path checks of a history instead of reading its latest revision (see cache/warm-build.ts). */
export interface LatestRevisionStats {
  readonly revision: number;
  readonly files: Record<string, [number, number]>;
}

function latestRevisionStats(dir: string, revision: number): LatestRevisionStats {
  return { revision, files: statBundle(join(dir, revisionDirName(revision)), [REVISION_FILE, "bundle.json"]) };
}

/** Added, changed and removed objects between two manifests, by identity and content hash. */
export function compareManifests(parent: BundleManifest | undefined, next: BundleManifest): { changes: ChangeSummary; removed: ObjectIdentity[] } {
  const before = new Map((parent?.objects ?? []).map((o) => [identityKey(o), o]));
  let added = 0;
  let changed = 0;
  for (const object of next.objects) {
    const old = before.get(identityKey(object));
    if (!old) added++;
    else if (old.sha256 !== object.sha256) changed++;
    before.delete(identityKey(object));
  }
  const removed = [...before.values()].map(({ apiVersion, kind, namespace, name }) => ({ apiVersion, kind, ...(namespace ? { namespace } : {}), name }));
  return { changes: { added, changed, removed: removed.length }, removed };
}

/** The newest revision recorded under `version` with another digest, if any. */
function sameVersionRevision(dir: string, version: string, digest: string): number | undefined {
  for (const number of listRevisions(dir).reverse()) {
    const record = readRevision(dir, number).record;
    if (record.version === version && record.digest !== digest) return number;
  }
  return undefined;
}

/**
 * The strict version rule (`--strict-version`, or `"strictVersion": true` in tkc.config.json),
 * checked before anything is written: different content under a version that was already recorded
 * is refused, the way package registries refuse a re-publish. Without it, such a build is recorded
 * as a new revision with a note.
 */
export function checkVersion(outRoot: string, plan: BundlePlan, strict: boolean): Diagnostic | undefined {
  if (!strict) return undefined;
  const { release, environment, version, digest } = plan.manifest;
  const dir = historyDir(outRoot, release, environment);
  refuseLinks(outRoot, dir);
  const latest = latestRevision(dir);
  if (!latest || latest.record.digest === digest) return undefined;
  const number = sameVersionRevision(dir, version, digest);
  if (number === undefined) return undefined;
  return error("TKC4001", `${release}/${environment}: version ${version} was already released as revision ${number} with other content`, {
    hint: `bump the version in release({ version }) (e.g. ${bump(version)}), or pass --allow-same-version to record it anyway`,
  });
}

function bump(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : version;
}

const TEMP_PREFIX = ".tmp-";

/** Write a revision directory atomically: a temp directory (named after its owner) renamed to its number. */
export function writeRevision(dir: string, record: RevisionRecord, files: ReadonlyMap<string, string>): string {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}${ownerTag()}-r${record.revision}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  writeFiles(temp, files);
  writeFileSync(join(temp, REVISION_FILE), JSON.stringify(record, null, 2) + "\n");
  const target = join(dir, revisionDirName(record.revision));
  renameSync(temp, target);
  return target;
}

/** Delete the temp directories of writers that died (their name carries pid and start time). */
function sweep(dir: string): void {
  for (const path of abandonedEntries(dir, TEMP_PREFIX)) rmSync(path, { recursive: true, force: true });
}

function prune(dir: string, keep: number | undefined): void {
  if (!keep || keep < 1) return;
  const revisions = listRevisions(dir);
  for (const number of revisions.slice(0, Math.max(0, revisions.length - keep))) {
    rmSync(join(dir, revisionDirName(number)), { recursive: true, force: true });
  }
}

/** A revision's files after checking every one of them against what was recorded. */
export function verifiedRevisionFiles(stored: StoredRevision): Map<string, string> {
  const files = readRevisionFiles(stored);
  const problems = revisionProblems(stored, files);
  if (problems.length > 0) {
    throw new HistoryError(`${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`, problems[0]!.file, hintFor(problems, stored, "revisions are immutable: restore the history from git (`tkc history --verify` lists every change), or delete the damaged revision's directory"));
  }
  return files;
}

/**
 * The files the current bundle must hold when it is `stored`: the plan's objects, the revision's
 * bundle.json. A revision recorded in the layout before `objects/` keeps its layout until the next
 * revision: then its own files are the current bundle's.
 */
function expectedCurrent(plan: BundlePlan, stored: StoredRevision): Map<string, string> {
  const sameLayout = stored.manifest.objects.length === plan.manifest.objects.length && stored.manifest.objects.every((o, i) => o.file === plan.manifest.objects[i]!.file);
  if (!sameLayout) return readRevisionFiles(stored);
  const files = new Map(plan.files);
  files.set("bundle.json", stored.manifestText);
  return files;
}

/**
 * Record a build: under the history lock, a new revision when the digest differs from the
 * latest one (then the current bundle is replaced), else nothing but making sure the current
 * bundle is still byte for byte the latest revision (an in-place edit is repaired from the
 * verified revision). Revision first, bundle second: a kill in between leaves a history that the
 * next build completes.
 */
export function recordBuild(plan: BundlePlan, options: RecordOptions, extra: { rollbackOf?: number } = {}): RecordOutcome {
  const { release, environment } = plan.manifest;
  const dir = historyDir(options.outRoot, release, environment);
  const target = currentBundleDir(options.outRoot, release, environment);
  const guard = () => {
    refuseLinks(options.outRoot, dir);
    refuseLinks(options.outRoot, target);
  };
  guard();
  return withHistoryLock(dir, () => {
    guard(); // again: a link planted while we waited for the lock
    sweep(dir);
    const latest = latestRevision(dir);
    if (latest && latest.record.digest === plan.manifest.digest && extra.rollbackOf === undefined) {
      let wrote = false;
      let stats = sameOnDiskStats(target, expectedCurrent(plan, latest));
      if (!stats) {
        // Edited, replaced or half-written: rewrite it, from a revision checked file by file.
        wrote = writeBundle(target, { manifest: latest.manifest, files: verifiedRevisionFiles(latest) }) === "written";
        stats = statBundle(target, ["bundle.json", ...new Set(latest.manifest.objects.map((o) => o.file))]);
      }
      return { status: "unchanged", revision: latest.record.revision, version: latest.record.version, changes: latest.record.changes, manifest: latest.manifest, wrote, stats, latest: latestRevisionStats(dir, latest.record.revision), ...(latest.record.note ? { note: latest.record.note } : {}) };
    }
    const { changes, removed } = compareManifests(latest?.manifest, plan.manifest);
    const final = withRemoved(plan, removed);
    const number = (latest?.record.revision ?? 0) + 1;
    if (parseRevisionDirName(revisionDirName(number)) !== number) throw new RangeError(`revision ${number} cannot be named`);
    // Only the latest revision is looked at here (cheap); the strict rule looks at all of them.
    const earlier = latest && extra.rollbackOf === undefined && latest.record.version === plan.manifest.version ? latest.record.revision : undefined;
    const note = earlier !== undefined ? `new content under version ${plan.manifest.version}, already released as revision ${earlier}` : undefined;
    const record: RevisionRecord = {
      apiVersion: "tkc.dev/v1",
      kind: "Revision",
      release,
      environment,
      revision: number,
      version: plan.manifest.version,
      digest: plan.manifest.digest,
      parentDigest: latest?.record.digest ?? null,
      createdAt: recordTime(),
      sourceCommit: options.sourceCommit,
      changes,
      ...(extra.rollbackOf !== undefined ? { rollbackOf: extra.rollbackOf } : {}),
      ...(note ? { note } : {}),
      files: fileHashes(final.manifest, final.files),
    };
    writeRevision(dir, record, final.files);
    writeBundle(target, final);
    prune(dir, options.keep);
    const stats = statBundle(target, ["bundle.json", ...new Set(final.manifest.objects.map((o) => o.file))]);
    return { status: "recorded", revision: record.revision, version: record.version, changes, manifest: final.manifest, wrote: true, stats, latest: latestRevisionStats(dir, record.revision), ...(note ? { note } : {}) };
  });
}
