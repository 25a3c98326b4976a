import { error, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeObject, type SourcedObject } from "../../model/object.js";
import { formatPath } from "../../model/path.js";
import { kindsOf, removedApi, supportedKubeVersions, versionsServing } from "../../../schemas/index.js";
import { locate } from "../locate.js";
import { didYouMean } from "./suggest.js";
import type { CustomKindInfo } from "./custom.js";
import { apiGroup } from "../../../syntax/index.js";

export const UNKNOWN_KIND = "TKC3001";

/** Versions that removed built-in APIs had, tried for a kind asked for under a version it never had. */
const REMOVED_VERSIONS = ["v1beta1", "v1beta2", "v1beta3", "v1alpha1", "v2beta1", "v2beta2", "v2alpha1"];

function minor(version: string): number {
  return Number(version.split(".")[1]);
}

/** `1.34-1.36` for a contiguous run of supported versions, else `1.33, 1.35`. */
export function formatVersionRange(versions: readonly string[]): string {
  if (versions.length === 0) return "";
  const contiguous = versions.every((v, i) => i === 0 || minor(v) === minor(versions[i - 1]!) + 1);
  if (versions.length > 1 && contiguous) return `${versions[0]}-${versions[versions.length - 1]}`;
  return versions.join(", ");
}

/** Other apiVersions that serve the same kind in the target version, e.g. `resource.k8s.io/v1beta2`. */
function alternatives(kubeVersion: string, apiVersion: string, kind: string): string[] {
  return kindsOf(kubeVersion)
    .filter((k) => k.kind === kind && k.apiVersion !== apiVersion)
    .map((k) => k.apiVersion);
}

/** TKC3001 for a custom resource tkc knows in another version, or close to a known custom kind; undefined when none is close. */
function customKindDiagnostic(apiVersion: string, kind: string, custom: readonly CustomKindInfo[], at: (p: string[]) => Partial<Diagnostic>): Diagnostic | undefined {
  const group = apiGroup(apiVersion);
  const sameKind = custom.filter((k) => k.group === group && k.kind === kind);
  if (sameKind.length > 0) {
    const served = [...new Set(sameKind.map((k) => k.apiVersion))];
    return error(UNKNOWN_KIND, `${kind} is not served as ${apiVersion}`, { ...at(["apiVersion"]), hint: `use apiVersion ${served.join(" / ")} (the versions its CRD serves)` });
  }
  const inGroup = [...new Set(custom.filter((k) => k.group === group).map((k) => k.kind))];
  const close = didYouMean(kind, inGroup) ?? didYouMean(kind, [...new Set(custom.map((k) => k.kind))]);
  if (close) {
    const servedAs = [...new Set(custom.filter((k) => k.kind === close).map((k) => k.apiVersion))];
    return error(UNKNOWN_KIND, `unknown kind "${kind}" in ${apiVersion}`, { ...at(["kind"]), hint: `did you mean "${close}" (apiVersion ${servedAs.join(" / ")})?` });
  }
  return undefined;
}

/**
 * True when the object's group is neither built in nor served by the target version, and the
 * apiVersion is not a removed built-in one: a custom resource whose CRD tkc does not know.
 */
export function isUnknownCustomApi(kubeVersion: string, apiVersion: string, kind: string): boolean {
  if (versionsServing(apiVersion, kind).length > 0 || removedApi(apiVersion, kind)) return false;
  const group = apiGroup(apiVersion);
  return group.includes(".") && !kindsOf(kubeVersion).some((k) => apiGroup(k.apiVersion) === group);
}

/**
 * TKC3001 for an object whose apiVersion/kind the target Kubernetes version does not serve and no
 * known CRD (`custom`: built-in and imported) defines.
 */
export function unknownKindDiagnostic(sourced: SourcedObject, kubeVersion: string, custom: readonly CustomKindInfo[] = []): Diagnostic {
  const { apiVersion, kind } = sourced.object;
  const path = ["apiVersion"];
  const at = (p: string[]) => {
    const location = locate(sourced, p);
    return { path: formatPath(p), object: describeObject(sourced.object), ...(location ? { location } : {}) };
  };
  const where = at(path);
  const others = alternatives(kubeVersion, apiVersion, kind);
  const orOther = others.length > 0 ? `, or apiVersion ${others.join(" / ")} (served by ${kubeVersion})` : "";

  const served = versionsServing(apiVersion, kind);
  if (served.length > 0) {
    const newer = served.filter((v) => minor(v) > minor(kubeVersion));
    const hint = newer.length > 0 ? `use --kube-version ${newer[0]} or later${orOther}` : others.length > 0 ? `use apiVersion ${others.join(" / ")}` : `use --kube-version ${served[served.length - 1]}`;
    return error(UNKNOWN_KIND, `${apiVersion} ${kind} exists in Kubernetes ${formatVersionRange(served)}, not in target ${kubeVersion}`, { ...where, hint });
  }

  const removed = removedApi(apiVersion, kind);
  if (removed) {
    const hint = removed.replacement ? `use apiVersion ${removed.replacement}${removed.note ? ` (${removed.note})` : ""}` : (removed.note ?? "remove this object");
    return error(UNKNOWN_KIND, `${apiVersion} ${kind} was removed in Kubernetes ${removed.removedIn}`, { ...where, hint });
  }

  // another version of the kind was removed (policy/v1 PodSecurityPolicy never existed; policy/v1beta1 was removed)
  const group = apiGroup(apiVersion);
  const removedSibling = others.length === 0 ? REMOVED_VERSIONS.map((v) => removedApi(group ? `${group}/${v}` : v, kind)).find((r) => r !== undefined) : undefined;
  if (removedSibling) {
    const hint = removedSibling.replacement ? `use apiVersion ${removedSibling.replacement}${removedSibling.note ? ` (${removedSibling.note})` : ""}` : (removedSibling.note ?? "remove this object");
    return error(UNKNOWN_KIND, `${apiVersion} ${kind} does not exist; ${kind} was removed in Kubernetes ${removedSibling.removedIn}`, { ...where, hint });
  }

  if (others.length > 0) {
    return error(UNKNOWN_KIND, `${kind} is not served as ${apiVersion} in Kubernetes ${kubeVersion}`, { ...where, hint: `use apiVersion ${others.join(" / ")}` });
  }

  const kinds = kindsOf(kubeVersion);
  const customGroup = group.includes(".") && !kinds.some((k) => apiGroup(k.apiVersion) === group);
  const customHit = customGroup ? customKindDiagnostic(apiVersion, kind, custom, at) : undefined;
  if (customHit) return customHit;
  const sameApi = kinds.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
  const closeInApi = didYouMean(kind, sameApi);
  if (closeInApi) {
    return error(UNKNOWN_KIND, `unknown kind "${kind}" in ${apiVersion}`, { ...at(["kind"]), hint: `did you mean "${closeInApi}"?` });
  }
  const close = didYouMean(kind, [...new Set(kinds.map((k) => k.kind))]);
  if (close) {
    const servedAs = kinds.filter((k) => k.kind === close).map((k) => k.apiVersion);
    return error(UNKNOWN_KIND, `unknown kind "${kind}" in ${apiVersion}`, { ...at(["kind"]), hint: `did you mean "${close}" (apiVersion ${servedAs.join(" / ")})?` });
  }
  const knownApi = kinds.some((k) => k.apiVersion === apiVersion);
  if (customGroup) {
    return error(UNKNOWN_KIND, `unknown custom resource ${apiVersion} ${kind}: no CustomResourceDefinition for it is known`, {
      ...where,
      hint: "import its CRD with `tkc import crd <crd.yaml>` (types and validation, see docs/crds.md), or include the CustomResourceDefinition in the release",
    });
  }
  const message = knownApi
    ? `unknown kind "${kind}" in ${apiVersion} (Kubernetes ${kubeVersion})`
    : `unknown apiVersion "${apiVersion}" for kind "${kind}" in Kubernetes ${supportedKubeVersions.includes(kubeVersion as never) ? kubeVersion : "?"}`;
  return error(UNKNOWN_KIND, message, {
    ...where,
    hint: "check apiVersion and kind against `kubectl api-resources`; for a custom resource, include its CustomResourceDefinition or import its CRD schema",
  });
}
