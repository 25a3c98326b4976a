import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EnvironmentPlan } from "../model/bundle.js";
import type { EnvironmentReport } from "../model/build.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import { historyDiagnostic } from "./diagnose.js";
import { currentBundleDir, historyDir } from "./layout.js";
import { checkVersion, recordBuild, type LatestRevisionStats } from "./record.js";

export interface RecordInput {
  readonly outRoot: string;
  readonly plans: readonly EnvironmentPlan[];
  /** `git rev-parse HEAD` of the project, if it is in git. */
  readonly sourceCommit: string | null;
  /** Refuse different content under an already released version (TKC4001). */
  readonly strictVersion: boolean;
  /** Record different content under an already released version, even when strict. */
  readonly allowSameVersion?: boolean;
  readonly keep?: number;
}

export interface RecordedRelease {
  readonly reports: readonly EnvironmentReport[];
  /** Per bundle directory: file -> [size, mtime] right after writing (the warm build's stat cache). */
  readonly stats: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
  /** Per history directory: its latest revision and the stats of its record and manifest. */
  readonly history: Readonly<Record<string, LatestRevisionStats>>;
}

/**
 * The record stage: check the version rule for every environment, then record each build in its
 * history and write its current bundle. The only stage that writes to the output directory.
 */
export function recordRelease(input: RecordInput): StageResult<RecordedRelease> {
  try {
    const strict = input.strictVersion && !input.allowSameVersion;
    const refusals = input.plans.map(({ plan }) => checkVersion(input.outRoot, plan, strict)).filter((d): d is Diagnostic => d !== undefined);
    if (refusals.length > 0) return fail(refusals);
    const stats: Record<string, Record<string, [number, number]>> = {};
    const history: Record<string, LatestRevisionStats> = {};
    const reports = input.plans.map(({ environment, plan, millis }): EnvironmentReport => {
      const outcome = recordBuild(plan, { outRoot: input.outRoot, allowSameVersion: input.allowSameVersion, strictVersion: strict, keep: input.keep, sourceCommit: input.sourceCommit });
      const outDir = currentBundleDir(input.outRoot, plan.manifest.release, environment);
      // Taken under the history lock: another build may replace the bundle right after it.
      stats[outDir] = outcome.stats;
      history[historyDir(input.outRoot, plan.manifest.release, environment)] = outcome.latest;
      return {
        environment,
        objects: outcome.manifest.objects.length,
        digest: outcome.manifest.digest,
        outDir,
        outcome: outcome.status,
        revision: outcome.revision,
        changes: outcome.changes,
        ...(outcome.note ? { note: outcome.note } : {}),
        manifest: outcome.manifest,
        millis,
      };
    });
    return succeed({ reports, stats, history });
  } catch (failure) {
    return fail([historyDiagnostic(failure)]);
  }
}

/** `tkc check` and `build --out -`: what would be written, with the bundles' files in memory. */
export function checkedReports(outRoot: string, release: string, plans: readonly EnvironmentPlan[]): StageResult<readonly EnvironmentReport[]> {
  try {
    return succeed(plans.map(({ environment, plan, millis }): EnvironmentReport => ({
      environment, objects: plan.manifest.objects.length, digest: plan.manifest.digest, outDir: currentBundleDir(outRoot, release, environment), outcome: "checked", manifest: plan.manifest, files: plan.files, millis,
    })));
  } catch (failure) {
    return fail([historyDiagnostic(failure)]);
  }
}
