import { mkdirSync, renameSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { identityKey, withRemoved, type BundleManifest, type BundlePlan, type ObjectIdentity } from "../emit/bundle-plan.js";
import { linkedCopyOf, writeBundle } from "../emit/write-bundle.js";
import { currentBundleDir, historyDir, REVISION_FILE, revisionDirName } from "./layout.js";
import { withHistoryLock } from "./lock.js";
import { latestRevision, listRevisions, readRevision, readRevisionFiles, type ChangeSummary, type RevisionRecord } from "./revision.js";
import { recordTime } from "./source-commit.js";

export interface RecordOptions {
  readonly outRoot: string;
  /** Record different content under a version that already has a revision. */
  readonly allowSameVersion?: boolean;
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
  readonly wrote: boolean;
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

/**
 * The version rule, checked before anything is written: different content under a version that
 * was already recorded is refused unless allowed, the way package registries refuse a re-publish.
 */
export function checkVersion(outRoot: string, plan: BundlePlan, allowSameVersion: boolean): Diagnostic | undefined {
  const { release, environment, version, digest } = plan.manifest;
  const dir = historyDir(outRoot, release, environment);
  const latest = latestRevision(dir);
  if (!latest || latest.record.digest === digest || allowSameVersion) return undefined;
  for (const number of listRevisions(dir).reverse()) {
    const record = readRevision(dir, number).record;
    if (record.version === version && record.digest !== digest) {
      return error("TKC4001", `${release}/${environment}: version ${version} was already released as revision ${number} with other content`, {
        hint: `bump the version in release({ version }) (e.g. ${bump(version)}), or pass --allow-same-version to record it anyway`,
      });
    }
  }
  return undefined;
}

function bump(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : version;
}

/** Write a revision directory atomically: a temp directory renamed to its number. */
export function writeRevision(dir: string, record: RevisionRecord, files: ReadonlyMap<string, string>): string {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.tmp-${process.pid}-${record.revision}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  for (const [name, content] of files) writeFileSync(join(temp, name), content);
  writeFileSync(join(temp, REVISION_FILE), JSON.stringify(record, null, 2) + "\n");
  const target = join(dir, revisionDirName(record.revision));
  renameSync(temp, target);
  return target;
}

/** Delete temp directories a killed writer left behind. Only call under the lock. */
function sweep(dir: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith(".tmp-")) rmSync(join(dir, name), { recursive: true, force: true });
}

function prune(dir: string, keep: number | undefined): void {
  if (!keep || keep < 1) return;
  const revisions = listRevisions(dir);
  for (const number of revisions.slice(0, Math.max(0, revisions.length - keep))) {
    rmSync(join(dir, revisionDirName(number)), { recursive: true, force: true });
  }
}

/**
 * Record a build: under the history lock, a new revision when the digest differs from the
 * latest one (then the current bundle is replaced), else nothing but making sure the current
 * bundle is the latest revision's. Revision first, bundle second: a kill in between leaves a
 * history that the next build completes.
 */
export function recordBuild(plan: BundlePlan, options: RecordOptions, extra: { rollbackOf?: number } = {}): RecordOutcome {
  const { release, environment } = plan.manifest;
  const dir = historyDir(options.outRoot, release, environment);
  const target = currentBundleDir(options.outRoot, release, environment);
  return withHistoryLock(dir, () => {
    sweep(dir);
    const latest = latestRevision(dir);
    if (latest && latest.record.digest === plan.manifest.digest && extra.rollbackOf === undefined) {
      // The current bundle is normally hard links to this revision: nothing to read or write.
      const wrote = !linkedCopyOf(target, latest.dir, [REVISION_FILE]) && writeBundle(target, { manifest: latest.manifest, files: readRevisionFiles(latest) }, latest.dir) === "written";
      return { status: "unchanged", revision: latest.record.revision, version: latest.record.version, changes: latest.record.changes, manifest: latest.manifest, wrote };
    }
    const { changes, removed } = compareManifests(latest?.manifest, plan.manifest);
    const final = withRemoved(plan, removed);
    const record: RevisionRecord = {
      apiVersion: "tkc.dev/v1",
      kind: "Revision",
      release,
      environment,
      revision: (latest?.record.revision ?? 0) + 1,
      version: plan.manifest.version,
      digest: plan.manifest.digest,
      parentDigest: latest?.record.digest ?? null,
      createdAt: recordTime(),
      sourceCommit: options.sourceCommit,
      changes,
      ...(extra.rollbackOf !== undefined ? { rollbackOf: extra.rollbackOf } : {}),
    };
    const revisionDir = writeRevision(dir, record, final.files);
    writeBundle(target, final, revisionDir);
    prune(dir, options.keep);
    return { status: "recorded", revision: record.revision, version: record.version, changes, manifest: final.manifest, wrote: true };
  });
}

