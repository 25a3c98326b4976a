import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { REVISION_FILE } from "../release/layout.js";
import { listRevisions, readRevision, type RevisionRecord } from "../release/revision.js";
import type { BundleManifest } from "../emit/bundle-plan.js";
import type { Provenance } from "./manifest.js";
import { epochTime, sourceDateEpoch } from "../release/source-date-epoch.js";
import { gitArgs } from "../git-args.js";

function git(args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => execFile("git", gitArgs(args), { cwd, encoding: "utf8" }, (failure, stdout) => resolve(failure ? null : stdout.trim())));
}

/**
 * The history revision recording this bundle: the directory's own revision.json when it is a
 * revision (`history/<env>/000006`), else `<out>/<release>/history/<env>/` beside the bundle.
 */
function findRevision(bundleDir: string, bundle: BundleManifest): { revision: number; commit: string | null } | undefined {
  const history = join(dirname(bundleDir), "history", basename(bundleDir));
  try {
    if (existsSync(join(bundleDir, REVISION_FILE))) {
      const record = JSON.parse(readFileSync(join(bundleDir, REVISION_FILE), "utf8")) as RevisionRecord;
      return record.digest === bundle.digest ? { revision: record.revision, commit: record.sourceCommit } : undefined;
    }
    for (const number of listRevisions(history).reverse()) {
      const { record } = readRevision(history, number);
      if (record.digest === bundle.digest) return { revision: number, commit: record.sourceCommit };
    }
  } catch {
    // A history that cannot be read only costs the revision annotation; `tkc history --verify` reports it.
  }
  return undefined;
}

/** CI remotes carry tokens (https://ci-token:SECRET@host/...): never publish them in an annotation. */
export function withoutUserInfo(remote: string): string {
  return remote.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, "$1");
}

/**
 * Where a bundle came from, for the manifest's annotations. The created time is SOURCE_DATE_EPOCH
 * or the commit's time, never the clock, so pushing the same commit twice gives one digest.
 */
export async function bundleProvenance(bundleDir: string, bundle: BundleManifest, overrides: { source?: string }, env: NodeJS.ProcessEnv = process.env): Promise<Provenance> {
  const recorded = findRevision(bundleDir, bundle);
  const head = await git(["rev-parse", "HEAD"], bundleDir);
  const commit = recorded?.commit ?? head ?? undefined;
  const remote = overrides.source ?? (await git(["config", "--get", "remote.origin.url"], bundleDir)) ?? undefined;
  const source = remote ? withoutUserInfo(remote) : undefined;
  let created: string | undefined;
  const epoch = sourceDateEpoch(env).seconds;
  if (epoch !== undefined) created = epochTime(epoch);
  else if (commit) {
    const seconds = await git(["show", "-s", "--format=%ct", commit.replace(/\+dirty$/, "")], bundleDir);
    if (seconds && /^\d+$/.test(seconds)) created = epochTime(Number(seconds));
  }
  return { source: source || undefined, commit: commit || undefined, created, revision: recorded?.revision };
}
