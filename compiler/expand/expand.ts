import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { KubeObject, SourcedObject } from "../model/object.js";
import { describeObject } from "../model/object.js";
import type { Evaluation } from "../evaluate/evaluate.js";
import type { ObjectDraft } from "../../stdlib/core/component.js";
import { releaseLabels } from "../../stdlib/core/labels.js";
import { findKind } from "../../schemas/index.js";
import { findCustomKind } from "../../schemas/crds/index.js";
import type { CustomResourceSchemas } from "../validate/schema/custom.js";
import { toJsonData, type NotJson } from "./json-data.js";
import { fieldResolver } from "./field-origins.js";

export interface Expansion {
  readonly environment: string;
  readonly namespace: string;
  readonly objects: readonly SourcedObject[];
}

// Cluster-scoped kinds tkc knows without a schema lookup (custom resources default to namespaced).
const CLUSTER_SCOPED_FALLBACK = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass", "PersistentVolume"]);

function isNamespaced(object: KubeObject, kubeVersion: string, custom?: CustomResourceSchemas): boolean {
  const known = findKind(kubeVersion, object.apiVersion, object.kind) ?? custom?.find(object.apiVersion, object.kind) ?? findCustomKind(object.apiVersion, object.kind);
  return known ? known.namespaced : !CLUSTER_SCOPED_FALLBACK.has(object.kind);
}

/**
 * Expand the release for one environment: every component's objects, as plain JSON, with the
 * environment's namespace on namespaced kinds and the release's recommended labels on all.
 */
export function expandEnvironment(evaluation: Evaluation, environment: string, kubeVersion: string, custom?: CustomResourceSchemas): { expansion?: Expansion; diagnostics: Diagnostic[] } {
  const { release } = evaluation;
  const diagnostics: Diagnostic[] = [];
  const context = release.contextFor(environment);
  const drafts: ObjectDraft[] = [...release.environmentObjects(environment)];
  const expanded = evaluation.callEach(release.components, (component) => component.expand(context), (component) => ({
    what: `${component.type} '${component.name}'`,
    location: component.origin,
  }));
  diagnostics.push(...expanded.diagnostics);
  for (const objects of expanded.values) if (objects) drafts.push(...objects);
  const common = releaseLabels(context);
  const objects: SourcedObject[] = [];
  for (const draft of drafts) {
    const problems: NotJson[] = [];
    const data = toJsonData(draft.object, problems) as KubeObject;
    for (const problem of problems) {
      diagnostics.push(error("TKC2120", `${problem.what} at ${problem.path} cannot be written to YAML`, {
        location: draft.origin,
        object: describeObject(data),
        path: problem.path,
        hint: "use strings, finite numbers, booleans, plain objects and arrays only",
      }));
    }
    if (typeof data !== "object" || data === null || typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
      diagnostics.push(error("TKC2121", "an object without apiVersion and kind cannot be emitted", { location: draft.origin, hint: "set apiVersion and kind" }));
      continue;
    }
    const metadata = { ...(data.metadata ?? {}) } as Record<string, unknown>;
    if (metadata.namespace === undefined && isNamespaced(data, kubeVersion, custom)) metadata.namespace = context.env.namespace;
    metadata.labels = { ...common, ...((metadata.labels as Record<string, string> | undefined) ?? {}) };
    objects.push({ object: { ...data, metadata }, origin: draft.origin, resolveField: fieldResolver(draft.origin, draft.fields) });
  }
  return { expansion: { environment, namespace: context.env.namespace, objects }, diagnostics };
}
