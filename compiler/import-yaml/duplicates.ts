import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { ImportCode } from "./codes.js";
import { identityKey } from "../emit/bundle-plan.js";
import type { Manifest } from "./read-manifests.js";
import { nameOf } from "./object-name.js";

/** How many objects a refusal names before it says "and N more". */
const NAMED = 4;

/**
 * Objects the inputs define more than once (same API group, kind, namespace and name), one error
 * per pair of files. A build refuses such a release (TKC3110), so the import refuses it first,
 * before writing a project that cannot build. The usual cause is a folder holding alternative
 * installs of one application (metallb's `metallb-native.yaml` and `metallb-frr.yaml`).
 * `namespace`: the environment's, which objects without one get.
 */
export function duplicateObjects(manifests: readonly Manifest[], namespace: string): Diagnostic[] {
  const first = new Map<string, Manifest>();
  const pairs = new Map<string, { readonly earlier: Manifest; readonly again: Manifest[] }>();
  for (const manifest of manifests) {
    const { apiVersion, kind, metadata } = manifest.object;
    const name = nameOf(manifest.object);
    // Named by the API server at create (generateName): two such are two objects.
    if (name === undefined) continue;
    const key = identityKey({ apiVersion, kind, namespace: metadata?.namespace ?? namespace, name });
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, manifest);
      continue;
    }
    const pair = `${earlier.file}\0${manifest.file}`;
    const entry = pairs.get(pair) ?? { earlier, again: [] };
    entry.again.push(manifest);
    pairs.set(pair, entry);
  }
  return [...pairs.values()].map(({ earlier, again }) => {
    const names = again.slice(0, NAMED).map((m) => `${m.object.kind} ${m.object.metadata?.name}`);
    const more = again.length > NAMED ? `, and ${again.length - NAMED} more` : "";
    const where = earlier.file === again[0]!.file ? `${earlier.file} defines ${again.length === 1 ? "an object" : `${again.length} objects`} twice` : `${again[0]!.file} defines ${again.length === 1 ? "an object" : `${again.length} objects`} that ${earlier.file} defines too`;
    return error(ImportCode.duplicateObjects, `${where} (${names.join(", ")}${more}); a release holds each object once`, {
      location: { file: again[0]!.file, line: again[0]!.line, column: 1 },
      related: [{ message: `the first ${again[0]!.object.kind} ${again[0]!.object.metadata?.name} is here`, location: { file: earlier.file, line: earlier.line, column: 1 } }],
      hint: earlier.file === again[0]!.file ? "remove one copy of each" : "files that repeat each other are often alternative installs of one application: import one of them",
    });
  });
}
