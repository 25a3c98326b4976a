import { apiVersionOf, type GroupVersionKind, type Spec, type SpecOperation } from "./spec.js";
import { compareCodePoints } from "./stable-json.js";

/** One entry of kinds.json. */
export interface KindEntry {
  readonly apiVersion: string;
  readonly kind: string;
  /** Short definition name in schema.json and the TypeScript type name. */
  readonly definition: string;
  readonly namespaced: boolean;
  readonly plural: string;
}

interface Resource {
  readonly plural: string;
  readonly namespaced: boolean;
}

const PATH = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:watch\/)?(namespaces\/\{namespace\}\/)?([^/{]+)(?:\/\{name\})?$/;

/**
 * The top-level resources of the spec, keyed by `apiVersion/kind`, from the paths: a resource is a
 * path `.../<plural>` or `.../<plural>/{name}` (not a subresource) whose operations name the GVK;
 * it is namespaced when a `/namespaces/{namespace}/` form exists.
 */
function resourcesOf(spec: Spec): Map<string, Resource> {
  const found = new Map<string, { plural: string; namespaced: boolean }>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    const match = PATH.exec(path);
    if (!match) continue;
    const namespaced = match[1] !== undefined;
    const plural = match[2]!;
    for (const operation of Object.values(operations)) {
      const gvk = (operation as SpecOperation | undefined)?.["x-kubernetes-group-version-kind"];
      if (!gvk) continue;
      const key = `${apiVersionOf(gvk)}/${gvk.kind}`;
      const seen = found.get(key);
      if (seen && seen.plural !== plural) throw new Error(`schema generator: ${key} served as both ${seen.plural} and ${plural}`);
      found.set(key, { plural, namespaced: namespaced || (seen?.namespaced ?? false) });
    }
  }
  return found;
}

/**
 * Every API kind a user can put in a manifest: definitions with exactly one GVK that is served as
 * a top-level resource, plus their `*List` kinds (real API kinds: `kubectl get -o yaml` emits
 * them, and the API server decodes them). Meta types with many GVKs (DeleteOptions, WatchEvent)
 * and subresource-only kinds (Scale, Eviction, TokenRequest) are left out.
 */
export function deriveKinds(spec: Spec, names: ReadonlyMap<string, string>): KindEntry[] {
  const resources = resourcesOf(spec);
  const kinds: KindEntry[] = [];
  for (const [definition, schema] of Object.entries(spec.definitions)) {
    const gvks: readonly GroupVersionKind[] = schema["x-kubernetes-group-version-kind"] ?? [];
    if (gvks.length !== 1) continue;
    const gvk = gvks[0]!;
    const apiVersion = apiVersionOf(gvk);
    const itemKind = gvk.kind.endsWith("List") ? gvk.kind.slice(0, -4) : undefined;
    const resource = resources.get(`${apiVersion}/${gvk.kind}`) ?? (itemKind ? resources.get(`${apiVersion}/${itemKind}`) : undefined);
    if (!resource) continue;
    kinds.push({ apiVersion, kind: gvk.kind, definition: names.get(definition)!, namespaced: resource.namespaced, plural: resource.plural });
  }
  return kinds.sort((a, b) => compareCodePoints(a.apiVersion, b.apiVersion) || compareCodePoints(a.kind, b.kind));
}

export function gvkDefinitions(spec: Spec, kinds: readonly KindEntry[], names: ReadonlyMap<string, string>): Map<string, KindEntry> {
  const byName = new Map(kinds.map((k) => [k.definition, k] as const));
  const out = new Map<string, KindEntry>();
  for (const definition of Object.keys(spec.definitions)) {
    const entry = byName.get(names.get(definition)!);
    if (entry) out.set(definition, entry);
  }
  return out;
}
