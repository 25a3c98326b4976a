import { existsSync } from "node:fs";
import { error, fail, succeed, type StageResult } from "../diagnostics/diagnostic.js";
import { historyDir, revisionBundleDir } from "../release/layout.js";
import { latestRevisionNumber } from "../release/revision.js";
import { DiffCode } from "./codes.js";
import { loadBundle } from "./load-bundle.js";
import type { LoadedBundle } from "./model.js";

export interface RevisionRange {
  readonly outRoot: string;
  readonly release: string;
  readonly environment: string;
  /** @default the revision before `to` */
  readonly from?: number;
  /** @default the latest revision */
  readonly to?: number;
}

/** Two recorded revisions of a release's environment, loaded for diffing. */
export function loadRevisions(range: RevisionRange): StageResult<[LoadedBundle, LoadedBundle]> {
  const { outRoot, release, environment } = range;
  const latest = latestRevisionNumber(historyDir(outRoot, release, environment));
  const where = `${release}/${environment} under ${outRoot}`;
  if (latest === undefined) {
    return fail([error(DiffCode.revisionNotFound, `no release history for ${where}`, { hint: `build the release first (\`tkc build <project> --env ${environment}\`), or pass --out with the output root it was built into` })]);
  }
  const to = range.to ?? latest;
  const from = range.from ?? to - 1;
  const load = (revision: number): StageResult<LoadedBundle> => {
    const dir = revisionBundleDir(outRoot, release, environment, revision);
    if (!existsSync(dir)) {
      return fail([error(DiffCode.revisionNotFound, `${where} has no revision ${revision}`, { hint: `revisions go up to ${latest}; \`tkc history ${release} --env ${environment}\` lists them` })]);
    }
    return loadBundle(dir, `${release}/${environment} revision ${revision}`);
  };
  const a = load(from);
  const b = load(to);
  if (!a.ok || !b.ok) return fail([...(a.ok ? a.warnings : a.diagnostics), ...(b.ok ? b.warnings : b.diagnostics)]);
  return succeed([a.value, b.value], [...a.warnings, ...b.warnings]);
}
