import { dirname } from "node:path";
import { checkName, joinInside } from "./output-path.js";

// Where a release's bundles and history live under an output root (docs/history.md):
//   <out>/<release>/<env>/                          the current bundle
//   <out>/<release>/history/<env>/<NNNNNN>/         revision N: the whole bundle + revision.json
//   <out>/<release>/history/<env>/.lock-<owner>     held while a build or rollback writes
// Every name is re-checked here, where it becomes a path.
export function currentBundleDir(outRoot: string, release: string, environment: string): string {
  return joinInside(outRoot, checkName("release", release), checkName("environment", environment));
}

export function historyDir(outRoot: string, release: string, environment: string): string {
  return joinInside(outRoot, checkName("release", release), "history", checkName("environment", environment));
}

/** At least 6 digits (`000042`); revision 1,000,000 is `1000000`. Numbers, not names, give the order. */
export function revisionDirName(revision: number): string {
  if (!Number.isSafeInteger(revision) || revision < 1) throw new RangeError(`bad revision number ${revision}`);
  return String(revision).padStart(6, "0");
}

export const REVISION_FILE = "revision.json";

/** The revision number a directory name stands for, if it is one (exactly as revisionDirName writes it). */
export function parseRevisionDirName(name: string): number | undefined {
  if (!/^\d{6,15}$/.test(name)) return undefined;
  const number = Number(name);
  return number >= 1 && revisionDirName(number) === name ? number : undefined;
}

/** The output root a current bundle's folder (`<out>/<release>/<env>`) lies in: currentBundleDir's inverse. */
export function outRootOfBundle(bundleDir: string): string {
  return dirname(dirname(bundleDir));
}

/** The output root a revision's folder (`<out>/<release>/history/<env>/<NNNNNN>`) lies in: revisionBundleDir's inverse. */
export function outRootOfRevision(revisionDir: string): string {
  return dirname(dirname(dirname(dirname(revisionDir))));
}

/** The directory holding revision N's bundle (which may not exist). */
export function revisionBundleDir(outRoot: string, release: string, environment: string, revision: number): string {
  return joinInside(historyDir(outRoot, release, environment), revisionDirName(revision));
}
