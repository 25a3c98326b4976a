import { existsSync, lstatSync } from "node:fs";
import { error } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import { historyDir, revisionBundleDir } from "../release/layout.js";
import { latestRevisionNumber } from "../release/revision.js";
import { refuseLinks, UnsafeOutput } from "../release/output-path.js";
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
  let history: string;
  try {
    history = historyDir(outRoot, release, environment);
    refuseLinks(outRoot, history);
  } catch (failure) {
    if (!(failure instanceof UnsafeOutput)) throw failure;
    return fail([error(DiffCode.linkedFile, failure.message, { hint: failure.hint })]);
  }
  const latest = latestRevisionNumber(history);
  const where = `${release}/${environment} under ${outRoot}`;
  if (latest === undefined) {
    return fail([error(DiffCode.revisionNotFound, `no release history for ${where}`, { hint: `build the release first (\`tkc build <project> --env ${environment}\`), or pass --out with the output root it was built into` })]);
  }
  const to = range.to ?? latest;
  const from = range.from ?? to - 1;
  const load = (revision: number): StageResult<LoadedBundle> => {
    if (!Number.isSafeInteger(revision) || revision < 1) {
      return fail([error(DiffCode.revisionNotFound, `${where} has no revision ${revision}`, { hint: `revisions are numbered from 1 and go up to ${latest}; \`tkc history ${release} --env ${environment}\` lists them` })]);
    }
    const dir = revisionBundleDir(outRoot, release, environment, revision);
    if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
      return fail([error(DiffCode.linkedFile, `${dir} is a symbolic link; tkc diff reads only the history's own directories`, { hint: "remove the link and restore the revision from git" })]);
    }
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
