import { createHash } from "node:crypto";
import type { SourcedObject } from "../../model/object.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { crdOf, type Crd } from "../../crd/crd-document.js";
import { generateCrds } from "../../crd/generate.js";
import { objectMetaSchema } from "../../crd/object-meta.js";
import { tkcRoot } from "../../root.js";
import type { SchemaNode } from "../../../schemas/index.js";
import { projectCustomResources, type CustomResourceSchemas } from "./custom.js";

/**
 * Custom resources whose CRD travels in the same bundle (or the same YAML files given to
 * `tkc validate`): validated against that CRD's schema, as the API server will once the CRD is
 * installed. Undefined when the objects hold no usable CRD (its problems are not reported here:
 * a CRD object is itself checked as a built-in kind).
 */
export function bundleCustomResources(objects: readonly SourcedObject[]): CustomResourceSchemas | undefined {
  const crds: { crd: Crd; object: object }[] = [];
  const ignored: Diagnostic[] = [];
  for (const sourced of objects) {
    if (sourced.object.apiVersion !== "apiextensions.k8s.io/v1" || sourced.object.kind !== "CustomResourceDefinition") continue;
    const crd = crdOf(sourced, ignored);
    if (crd) crds.push({ crd, object: sourced.object });
  }
  if (crds.length === 0) return undefined;
  // The same CRDs validate many files (a chart's CRDs, `--crds DIR`): each is converted and compiled once.
  const sets: CustomResourceSchemas[] = [];
  for (const { crd, object } of crds) {
    const set = compiledCrd(crd, object);
    if (set) sets.push(set);
  }
  return sets.length === 0 ? undefined : unionOf(sets);
}

/** CRDs kept converted and compiled, by content. */
const RECENT_CRDS = 256;
const recent = new Map<string, CustomResourceSchemas | undefined>();
/** Content keys of CRD objects already hashed (a run passes the same objects for every file). */
const keys = new WeakMap<object, string>();

function compiledCrd(crd: Crd, object: object): CustomResourceSchemas | undefined {
  let key = keys.get(object);
  if (key === undefined) {
    const { origin: _origin, ...content } = crd;
    key = createHash("sha256").update(JSON.stringify(content)).digest("hex");
    keys.set(object, key);
  }
  if (recent.has(key)) return recent.get(key);
  const set = convert([crd]);
  recent.set(key, set);
  if (recent.size > RECENT_CRDS) recent.delete(recent.keys().next().value!);
  return set;
}

/** Several CRDs' schemas as one set; the first CRD of a kind wins (two are left to the API server). */
function unionOf(sets: readonly CustomResourceSchemas[]): CustomResourceSchemas {
  if (sets.length === 1) return sets[0]!;
  const owner = (apiVersion: string, kind: string) => sets.find((set) => set.find(apiVersion, kind));
  return {
    origin: "project",
    find: (apiVersion, kind) => owner(apiVersion, kind)?.find(apiVersion, kind),
    kinds: () => sets.flatMap((set) => set.kinds()),
    schema: (info) => owner(info.apiVersion, info.kind)!.schema(info),
    validator: (info) => owner(info.apiVersion, info.kind)!.validator(info),
  };
}

/** ObjectMeta's schema, read from schema.json once per process. */
let objectMeta: ReturnType<typeof objectMetaSchema> | undefined;

function convert(crds: readonly Crd[]): CustomResourceSchemas | undefined {
  let generated;
  try {
    generated = generateCrds(crds, { objectMeta: (objectMeta ??= objectMetaSchema(tkcRoot())), idPrefix: "tkc://bundle/", banner: () => "" });
  } catch {
    return undefined; // e.g. two CRDs of one kind: left to the API server
  }
  const entries = generated.kinds.map((info) => ({ info, schema: JSON.parse(generated.files.get(info.schema)!) as SchemaNode }));
  return projectCustomResources(entries);
}
