import type { JsonPath } from "../../../model/path.js";
import { containersOf, type PodTemplate } from "../object-index.js";
import { asArray, asRecord, asString, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { qualifiedNameProblem } from "../../../../syntax/index.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

/** validEnvDownwardAPIFieldPathExpressions in pkg/apis/core/validation/validation.go. */
const ENV_FIELDS = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"];
/** validVolumeDownwardAPIFieldPathExpressions. */
const VOLUME_FIELDS = ["metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "metadata.uid"];
/** validContainerResourceFieldPathExpressions (plus the hugepages-<size> prefixes). */
const RESOURCE_FIELDS = ["limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"];
const SUBSCRIPT = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/**
 * TKC3243-3244: downward API references: which pod fields env vars and volume files may read
 * (mirrors validateEnvVarValueFrom / validateDownwardAPIVolumeFile with validateObjectFieldSelector),
 * and which resources (validateContainerResourceFieldSelector).
 */
export const podFieldRefs: SemanticRule = {
  name: "pod-field-refs",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    for (const ref of containersOf(template)) {
      asArray(ref.container.env).forEach((entry, i) => {
        const from = asRecord(asRecord(entry)?.valueFrom);
        const path = [...ref.path, "env", i, "valueFrom"];
        const fieldRef = asRecord(from?.fieldRef);
        if (fieldRef) checkFieldPath(fieldRef, [...path, "fieldRef"], ENV_FIELDS, report);
        const resourceRef = asRecord(from?.resourceFieldRef);
        if (resourceRef) checkResource(resourceRef, [...path, "resourceFieldRef"], report);
      });
    }
    for (const { items, path } of downwardItems(template)) {
      items.forEach((entry, i) => {
        const item = asRecord(entry);
        const at = [...path, "items", i];
        const fieldRef = asRecord(item?.fieldRef);
        if (fieldRef) checkFieldPath(fieldRef, [...at, "fieldRef"], VOLUME_FIELDS, report);
        const resourceRef = asRecord(item?.resourceFieldRef);
        if (resourceRef) checkResource(resourceRef, [...at, "resourceFieldRef"], report);
      });
    }
  },
};

function downwardItems(template: PodTemplate): { items: readonly unknown[]; path: JsonPath }[] {
  const out: { items: readonly unknown[]; path: JsonPath }[] = [];
  asArray(template.spec.volumes).forEach((entry, i) => {
    const volume = asRecord(entry);
    const base = [...template.specPath, "volumes", i];
    const direct = asRecord(volume?.downwardAPI);
    if (direct) out.push({ items: asArray(direct.items), path: [...base, "downwardAPI"] });
    asArray(asRecord(volume?.projected)?.sources).forEach((source, j) => {
      const projected = asRecord(asRecord(source)?.downwardAPI);
      if (projected) out.push({ items: asArray(projected.items), path: [...base, "projected", "sources", j, "downwardAPI"] });
    });
  });
  return out;
}

function checkFieldPath(fieldRef: { readonly [key: string]: unknown }, path: JsonPath, allowed: readonly string[], report: Reporter): void {
  const fieldPath = asString(fieldRef.fieldPath);
  if (fieldPath === undefined) return;
  const apiVersion = fieldRef.apiVersion;
  if (apiVersion !== undefined && apiVersion !== null && apiVersion !== "" && apiVersion !== "v1") {
    report.error("TKC3243", [...path, "apiVersion"], `fieldRef apiVersion ${show(apiVersion)} is not supported; only "v1" is`, "use apiVersion: v1, or leave it unset");
    return;
  }
  const subscript = SUBSCRIPT.exec(fieldPath);
  if (subscript) {
    const key = subscript[1] === "labels" ? "label" : "annotation";
    // Annotation keys are compared in lower case, as the server does.
    const problem = qualifiedNameProblem(key === "annotation" ? subscript[2]!.toLowerCase() : subscript[2]!);
    if (problem) report.error("TKC3243", [...path, "fieldPath"], `fieldPath ${show(fieldPath)} names an invalid ${key} key: it ${problem}`, `write the ${key} key between quotes, e.g. metadata.${subscript[1]}['app.kubernetes.io/name']`);
    return;
  }
  if (!allowed.includes(fieldPath)) {
    report.error("TKC3243", [...path, "fieldPath"], `fieldPath ${show(fieldPath)} is not a pod field this downward API reference can read`, `use one of ${allowed.join(", ")}, or metadata.labels['<key>'] / metadata.annotations['<key>']`);
  }
}

function checkResource(resourceRef: { readonly [key: string]: unknown }, path: JsonPath, report: Reporter): void {
  const resource = asString(resourceRef.resource);
  if (resource === undefined) return;
  if (RESOURCE_FIELDS.includes(resource) || /^(limits|requests)\.hugepages-/.test(resource)) return;
  report.error("TKC3244", [...path, "resource"], `resourceFieldRef resource ${show(resource)} is not one a container can read`, `use one of ${RESOURCE_FIELDS.join(", ")} (or limits.hugepages-<size>)`);
}
