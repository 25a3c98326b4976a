import { join } from "node:path";

// Where a release's bundles and history live under an output root (docs/history.md):
//   <out>/<release>/<env>/                          the current bundle
//   <out>/<release>/history/<env>/<NNNNNN>/         revision N: the whole bundle + revision.json
//   <out>/<release>/history/<env>/.lock             held while a build or rollback writes
export function currentBundleDir(outRoot: string, release: string, environment: string): string {
  return join(outRoot, release, environment);
}

export function historyDir(outRoot: string, release: string, environment: string): string {
  return join(outRoot, release, "history", environment);
}

export function revisionDirName(revision: number): string {
  return String(revision).padStart(6, "0");
}

export const REVISION_FILE = "revision.json";
export const REVISION_DIR = /^\d{6}$/;

/** The directory holding revision N's bundle (which may not exist). */
export function revisionBundleDir(outRoot: string, release: string, environment: string, revision: number): string {
  return join(historyDir(outRoot, release, environment), revisionDirName(revision));
}
