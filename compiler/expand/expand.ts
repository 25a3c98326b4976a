import { error, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import type { KubeObject, SourcedObject } from "../model/object.js";
import { describeObject } from "../model/object.js";
import type { Evaluation, Expansion } from "../model/evaluation.js";
import { MAX_OBJECT_BYTES } from "../evaluate/data.js";
import { releaseLabels } from "../../stdlib/core/labels.js";
import { expandContext } from "../../stdlib/core/component.js";
import { findKind } from "../../schemas/index.js";
import { findCustomKind } from "../../schemas/crds/index.js";
import type { CustomResourceSchemas } from "../validate/schema/custom.js";
import { fieldResolver, type SourceTexts } from "./field-origins.js";

export type { Expansion };

export interface ExpandInput {
  readonly evaluation: Evaluation;
  readonly environment: string;
  readonly kubeVersion: string;
  readonly customResources?: CustomResourceSchemas;
  /** Text of the evaluation's input files, for field origins. */
  readonly texts: SourceTexts;
}

// Cluster-scoped kinds tkc knows without a schema lookup (custom resources default to namespaced).
const CLUSTER_SCOPED_FALLBACK = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass", "PersistentVolume"]);

function isNamespaced(object: KubeObject, kubeVersion: string, custom?: CustomResourceSchemas): boolean {
  const known = findKind(kubeVersion, object.apiVersion, object.kind) ?? custom?.find(object.apiVersion, object.kind) ?? findCustomKind(object.apiVersion, object.kind);
  return known ? known.namespaced : !CLUSTER_SCOPED_FALLBACK.has(object.kind);
}

const MIB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * The expand stage: one environment's objects, from the evaluation's data: the environment's
 * namespace on namespaced kinds and the release's recommended labels on all. Runs no descriptor
 * code. When some objects cannot be emitted, the others are still handed on (to be validated).
 */
export function expandEnvironment({ evaluation, environment, kubeVersion, customResources: custom, texts }: ExpandInput): StageResult<Expansion> {
  const { release } = evaluation;
  const evaluated = evaluation.environments.get(environment);
  const namespace = release.environments[environment]!.namespace;
  const diagnostics: Diagnostic[] = [...(evaluated?.diagnostics ?? [])];
  const common = releaseLabels(expandContext({ name: environment, namespace, values: {} }, { name: release.name, version: release.version }));
  const objects: SourcedObject[] = [];
  for (const draft of evaluated?.drafts ?? []) {
    const data = draft.object as KubeObject;
    if (draft.oversized !== undefined) {
      diagnostics.push(error("TKC2123", `${describeObject(data)} is larger than the API server accepts (over ${MIB(draft.oversized)} MiB serialised; the limit is ${MIB(MAX_OBJECT_BYTES)} MiB)`, {
        location: draft.origin,
        hint: "keep large data out of objects: mount it from a volume or an image instead",
      }));
      continue;
    }
    const emittable = typeof data === "object" && data !== null && !Array.isArray(data) && typeof data.apiVersion === "string" && typeof data.kind === "string";
    // Named as validation will name it (with the environment's namespace), so that its findings
    // at a path already reported here can be told apart (see dropFollowOns).
    const metadata = { ...(emittable && typeof data.metadata === "object" && data.metadata !== null ? data.metadata : {}) } as Record<string, unknown>;
    if (emittable) {
      if (metadata.namespace === undefined && isNamespaced(data, kubeVersion, custom)) metadata.namespace = namespace;
      metadata.labels = { ...common, ...((metadata.labels as Record<string, string> | undefined) ?? {}) };
    }
    const described = describeObject(emittable ? { ...data, metadata } as KubeObject : data);
    const resolveField = fieldResolver(draft.origin, draft.fields, texts, environment);
    for (const problem of draft.problems ?? []) {
      const proto = problem.what === "a __proto__ key";
      const surrogate = problem.what.includes("unpaired surrogate");
      diagnostics.push(error(proto ? "TKC2122" : "TKC2120", proto ? `a __proto__ key at ${problem.path} is not allowed in descriptor data` : `${problem.what} at ${problem.path} cannot be written to YAML`, {
        location: (problem.at && resolveField?.(problem.at)) || draft.origin,
        object: described,
        path: problem.path,
        hint: proto
          ? "rename the key: __proto__ changes an object's prototype in JavaScript"
          : surrogate
            ? "a string must be valid Unicode: half of a surrogate pair (\\ud800) has no UTF-8 form, and kubectl refuses the file; check how the string was cut or built"
            : "use strings, finite numbers, booleans, plain objects and arrays only",
      }));
    }
    if (!emittable) {
      diagnostics.push(error("TKC2121", "an object without apiVersion and kind cannot be emitted", { location: draft.origin, hint: "set apiVersion and kind" }));
      continue;
    }
    objects.push({ object: { ...data, metadata }, origin: draft.origin, resolveField });
  }
  const expansion: Expansion = { environment, namespace, objects };
  return hasErrors(diagnostics) ? fail(diagnostics, expansion) : succeed(expansion, diagnostics);
}
