/**
 * Schema validation stage: every object against the JSON Schema of its kind in the target
 * Kubernetes version (generated from the official OpenAPI spec, precompiled by ajv). Reports
 * TKC3001-TKC3005; never throws for user mistakes.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { KubeObject, SourcedObject } from "../../model/object.js";
import { findKind, isSupportedKubeVersion, supportedKubeVersions } from "../../../schemas/index.js";
import { validatorsFor } from "./ajv.js";
import { builtinCustomResources, type CustomResourceSchemas } from "./custom.js";
import { customDiagnostics } from "./custom-messages.js";
import { diagnosticFor } from "./messages.js";
import { unknownKindDiagnostic } from "./unknown-kind.js";
import { bundleCustomResources } from "./bundle-crds.js";

export type { CustomResourceSchemas } from "./custom.js";

export { UNKNOWN_KIND } from "./unknown-kind.js";
export { UNKNOWN_FIELD, WRONG_TYPE, MISSING_FIELD, BAD_VALUE } from "./messages.js";

export interface ValidateSchemasOptions {
  /**
   * `apiVersion/kind` keys validated elsewhere (custom resources with an imported CRD schema);
   * this stage skips them instead of reporting TKC3001.
   */
  readonly customKinds?: ReadonlySet<string>;
  /**
   * The project's imported CRD schemas (`tkc import crd`, see compiler/crd/project.ts). They take
   * precedence over the built-in CRDs (schemas/crds), which are always known.
   */
  readonly customResources?: CustomResourceSchemas;
}

/** `group/version/Kind` keys of the custom resources that CRDs in the same bundle define. */
function kindsDefinedByBundle(objects: readonly SourcedObject[]): Set<string> {
  const keys = new Set<string>();
  for (const { object } of objects) {
    if (object.apiVersion !== "apiextensions.k8s.io/v1" || object.kind !== "CustomResourceDefinition") continue;
    const spec = object["spec"] as { group?: unknown; names?: { kind?: unknown }; versions?: readonly { name?: unknown }[] } | undefined;
    if (typeof spec?.group !== "string" || typeof spec.names?.kind !== "string" || !Array.isArray(spec.versions)) continue;
    for (const version of spec.versions) if (typeof version?.name === "string") keys.add(`${spec.group}/${version.name}/${spec.names.kind}`);
  }
  return keys;
}

function isWellFormed(object: KubeObject): boolean {
  return typeof object.apiVersion === "string" && typeof object.kind === "string";
}

export function validateSchemas(objects: readonly SourcedObject[], kubeVersion: string, options: ValidateSchemasOptions = {}): Diagnostic[] {
  if (!isSupportedKubeVersion(kubeVersion)) {
    // The load stage rejects bad --kube-version values; reaching here is a bug.
    throw new Error(`validateSchemas: unsupported Kubernetes version ${kubeVersion} (supported: ${supportedKubeVersions.join(", ")})`);
  }
  const validators = validatorsFor(kubeVersion);
  const builtins = builtinCustomResources();
  const bundleKinds = kindsDefinedByBundle(objects);
  const bundleCrds = bundleKinds.size > 0 ? bundleCustomResources(objects) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const sourced of objects) {
    const object = sourced.object;
    if (!isWellFormed(object)) continue; // the load/evaluate stages report objects without apiVersion/kind
    const key = `${object.apiVersion}/${object.kind}`;
    if (options.customKinds?.has(key)) continue;
    if (bundleKinds.has(key)) {
      // Defined by a CRD beside it: check against that CRD (when tkc could read it).
      if (bundleCrds?.find(object.apiVersion, object.kind)) diagnostics.push(...customDiagnostics(sourced, bundleCrds, kubeVersion));
      continue;
    }
    const validate = findKind(kubeVersion, object.apiVersion, object.kind) ? validators.get(object.apiVersion, object.kind) : undefined;
    if (!validate) {
      const custom = [options.customResources, builtins].find((set) => set?.find(object.apiVersion, object.kind));
      if (custom) diagnostics.push(...customDiagnostics(sourced, custom, kubeVersion));
      else diagnostics.push(unknownKindDiagnostic(sourced, kubeVersion, [...(options.customResources?.kinds() ?? []), ...builtins.kinds()]));
      continue;
    }
    if (validate(object)) continue;
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const diagnostic = diagnosticFor(e, { sourced, kubeVersion });
      if (!diagnostic) continue;
      const dedupe = `${diagnostic.code} ${diagnostic.path} ${diagnostic.message}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}
