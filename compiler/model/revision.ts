/** Counts of objects added, changed and removed against the parent revision. */
export interface ChangeSummary {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** revision.json: what one recorded build (or rollback) was. */
export interface RevisionRecord {
  readonly apiVersion: "tkc.dev/v1";
  readonly kind: "Revision";
  readonly release: string;
  readonly environment: string;
  readonly revision: number;
  readonly version: string;
  /** The bundle digest (same as bundle.json's). */
  readonly digest: string;
  /** The previous revision's digest; null for the first. */
  readonly parentDigest: string | null;
  /** ISO-8601 UTC; SOURCE_DATE_EPOCH overrides the clock for reproducible histories. */
  readonly createdAt: string;
  /** `git rev-parse HEAD` of the project when it is in git, `+dirty` when it had changes. */
  readonly sourceCommit: string | null;
  readonly changes: ChangeSummary;
  /** Set when this revision was written by `tkc rollback --to N`. */
  readonly rollbackOf?: number;
  /** Why this revision is remarkable, e.g. new content under a version already released. */
  readonly note?: string;
  /** sha256 of every file of the revision's bundle (all but revision.json), checked by `--verify`. */
  readonly files?: Readonly<Record<string, string>>;
}
