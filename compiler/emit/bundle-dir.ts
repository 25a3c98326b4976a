import { readdirSync } from "node:fs";

/**
 * A bundle directory: bundle.json and kustomization.yaml at the top, the objects in `objects/`,
 * a folder that holds nothing but Kubernetes objects (so `kubectl apply -f <env>/objects` works).
 * Bundles written before that layout kept the object files at the top: both are read.
 */
export const OBJECTS_DIR = "objects";

/** A path of a bundle file as bundle.json and revision.json name it: `name` or `objects/name`. */
export function isBundleFilePath(path: string): boolean {
  const parts = path.split("/");
  const plain = (part: string) => part !== "" && !part.startsWith(".") && !/[\\\0]/.test(part);
  return parts.length === 1 ? plain(parts[0]!) : parts.length === 2 && parts[0] === OBJECTS_DIR && plain(parts[1]!);
}

export interface BundleDirEntry {
  /** `/`-separated path inside the bundle: `bundle.json`, `objects/001-namespace-x.yaml`. */
  readonly name: string;
  readonly isFile: boolean;
  readonly isLink: boolean;
}

/** The entries of a bundle directory and of its `objects/` folder (dot-names are skipped). */
export function listBundleDir(dir: string): BundleDirEntry[] {
  const out: BundleDirEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    if (entry.name === OBJECTS_DIR && entry.isDirectory()) {
      for (const inner of readdirSync(`${dir}/${OBJECTS_DIR}`, { withFileTypes: true })) {
        if (!inner.name.startsWith(".")) out.push({ name: `${OBJECTS_DIR}/${inner.name}`, isFile: inner.isFile(), isLink: inner.isSymbolicLink() });
      }
      continue;
    }
    out.push({ name: entry.name, isFile: entry.isFile(), isLink: entry.isSymbolicLink() });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
