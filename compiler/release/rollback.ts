import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { identityKey, inCurrentLayout, type BundlePlan, type ObjectIdentity } from "../emit/bundle-plan.js";
import { historyDir } from "./layout.js";
import { recordBuild, verifiedRevisionFiles, type RecordOutcome } from "./record.js";
import { refuseLinks } from "./output-path.js";
import { latestRevision, listRevisions, readRevision } from "./revision.js";
import { sourceCommit } from "./source-commit.js";
import type { ReleaseTarget } from "./target.js";

export interface RollbackResult {
  readonly outcome: RecordOutcome;
  readonly from: number;
  readonly to: number;
  /** What the rollback undoes, relative to the revision that was current. */
  readonly reverted: { readonly added: ObjectIdentity[]; readonly changed: ObjectIdentity[]; readonly removed: ObjectIdentity[] };
}

/**
 * Helm semantics: a new revision whose objects are byte-identical to revision `to`. Nothing is
 * rebuilt: the stored bundle is copied, so a rollback works even if the sources are gone.
 */
export async function rollback(target: ReleaseTarget, environment: string, to: number, keep?: number): Promise<{ result?: RollbackResult; diagnostic?: Diagnostic }> {
  const dir = historyDir(target.outRoot, target.release, environment);
  refuseLinks(target.outRoot, dir);
  const revisions = listRevisions(dir);
  if (revisions.length === 0) {
    return { diagnostic: error("TKC4004", `no history for ${target.release}/${environment} under ${target.outRoot}`, { hint: "build the environment first, or pass --out" }) };
  }
  if (!revisions.includes(to)) {
    const range = `${revisions[0]}-${revisions[revisions.length - 1]}`;
    const pruned = to >= 1 && to < revisions[0]!;
    return {
      diagnostic: error("TKC4006", `${target.release}/${environment} has no revision ${to}${pruned ? " (it was pruned by --keep)" : ""}`, { hint: `choose one of the kept revisions ${range} (see \`tkc history ${target.release} --env ${environment}\`)` }),
    };
  }
  const current = latestRevision(dir)!;
  const wanted = readRevision(dir, to);
  // The stored bytes become a new revision: check every file of the source first, so a tampered
  // revision is never copied forward under a fresh hash chain.
  // A revision in the layout before objects/ is recorded again in today's (same objects and digest).
  const plan: BundlePlan = inCurrentLayout({ manifest: wanted.manifest, files: verifiedRevisionFiles(wanted) });
  const before = new Map(current.manifest.objects.map((o) => [identityKey(o), o]));
  const after = new Map(wanted.manifest.objects.map((o) => [identityKey(o), o]));
  const pick = ({ apiVersion, kind, namespace, name }: ObjectIdentity): ObjectIdentity => ({ apiVersion, kind, ...(namespace ? { namespace } : {}), name });
  const reverted = {
    // Objects the current revision has that revision `to` lacks are removed by the rollback, and vice versa.
    added: wanted.manifest.objects.filter((o) => !before.has(identityKey(o))).map(pick),
    changed: wanted.manifest.objects.filter((o) => before.has(identityKey(o)) && before.get(identityKey(o))!.sha256 !== o.sha256).map(pick),
    removed: current.manifest.objects.filter((o) => !after.has(identityKey(o))).map(pick),
  };
  const outcome = recordBuild(plan, { outRoot: target.outRoot, keep, sourceCommit: await sourceCommit(target.outRoot) }, { rollbackOf: to });
  return { result: { outcome, from: current.record.revision, to, reverted } };
}
