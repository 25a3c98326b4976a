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
  const crds: Crd[] = [];
  const ignored: Diagnostic[] = [];
  for (const sourced of objects) {
    if (sourced.object.apiVersion !== "apiextensions.k8s.io/v1" || sourced.object.kind !== "CustomResourceDefinition") continue;
    const crd = crdOf(sourced, ignored);
    if (crd) crds.push(crd);
  }
  if (crds.length === 0) return undefined;
  let generated;
  try {
    generated = generateCrds(crds, { objectMeta: objectMetaSchema(tkcRoot()), idPrefix: "tkc://bundle/", banner: () => "" });
  } catch {
    return undefined; // e.g. two CRDs of one kind: left to the API server
  }
  const entries = generated.kinds.map((info) => ({ info, schema: JSON.parse(generated.files.get(info.schema)!) as SchemaNode }));
  return projectCustomResources(entries);
}
