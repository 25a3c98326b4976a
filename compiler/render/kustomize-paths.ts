/**
 * The places in a kustomization that name a file or folder. Kustomize's loader reads each: a
 * local path, or else a URL it fetches (`patches: [{ path: https://... }]`) or a git repository
 * it clones (`git::https://...`, `github.com/org/repo//dir`). tkc renders only what the project
 * holds, so every such entry is looked at before kubectl runs.
 */
export function kustomizationPaths(kustomization: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  const strings = (value: unknown): string[] => list(value).filter((item): item is string => typeof item === "string");
  const pathOf = (item: unknown) => (item && typeof item === "object" && typeof (item as { path?: unknown }).path === "string" ? [(item as { path: string }).path] : []);

  for (const field of ["resources", "bases", "components", "crds", "configurations", "generators", "transformers", "validators"]) paths.push(...strings(kustomization[field]));
  // An inline patch (YAML text) is not a path.
  paths.push(...strings(kustomization.patchesStrategicMerge).filter((entry) => !entry.includes("\n")));
  for (const field of ["patches", "patchesJson6902", "replacements"]) for (const item of list(kustomization[field])) paths.push(...pathOf(item));
  paths.push(...pathOf(kustomization.openapi));
  for (const field of ["configMapGenerator", "secretGenerator"]) {
    for (const generator of list(kustomization[field])) {
      if (!generator || typeof generator !== "object") continue;
      const g = generator as Record<string, unknown>;
      // `files` entries may be `key=path`.
      paths.push(...strings(g.files).map((entry) => entry.slice(entry.indexOf("=") + 1)), ...strings(g.envs), ...strings(g.env));
    }
  }
  return paths;
}

// A scheme (`https:`, `git::`, `ssh:`, `file:`), scp-style git (`git@host:`), a `?ref=` or a
// `//` that marks a repository's subfolder, or a first segment that is a host name.
const REMOTE = /^[a-z][a-z0-9+.-]*:|^[^/]+@[^/]+:|\?ref=|[^:]\/\/|^\/\//i;
const HOST_FIRST = /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i;

/** Whether kustomize would fetch or clone this entry, rather than read a file of the project. */
export function isRemoteEntry(entry: string, existsLocally: boolean): boolean {
  if (REMOTE.test(entry)) return true;
  // `example.com/org/repo` is a repository unless the project has such a folder.
  return !existsLocally && HOST_FIRST.test(entry);
}
