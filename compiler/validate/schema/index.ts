/**
 * Schema validation stage: every object against the JSON Schema of its kind in the target
 * Kubernetes version (generated from the official OpenAPI spec, precompiled by ajv). Reports
 * TKC3001-TKC3005; never throws for user mistakes.
 */
import { warning, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { KubeObject, SourcedObject } from "../../model/object.js";
import { findKind, isSupportedKubeVersion, supportedKubeVersions } from "../../../schemas/index.js";
import { validatorsFor } from "./ajv.js";
import { builtinCustomResources, type CustomResourceSchemas } from "./custom.js";
import { customDiagnostics, uncheckedCustomResource } from "./custom-messages.js";
import { describeObject } from "../../model/object.js";
import { locate } from "../locate.js";
import { diagnosticFor } from "./messages.js";
import { isUnknownCustomApi, unknownKindDiagnostic } from "./unknown-kind.js";
import { bundleCustomResources } from "./bundle-crds.js";

export type { CustomResourceSchemas } from "./custom.js";

export { UNKNOWN_KIND } from "./unknown-kind.js";
/** A custom resource whose schema tkc does not know (or cannot use): not checked. */
export const UNCHECKED_CUSTOM = "TKC3006";
export { UNKNOWN_FIELD, WRONG_TYPE, MISSING_FIELD, BAD_VALUE } from "./messages.js";

export interface ValidateSchemasOptions {
  /**
   * `apiVersion/kind` keys validated elsewhere (custom resources with an imported CRD schema);
   * this stage skips them instead of reporting TKC3001.
   */
  readonly customKinds?: ReadonlySet<string>;
  /**
   * The project's imported CRD schemas (`tkc import crd`, read by compiler/load/crds.ts). They take
   * precedence over the built-in CRDs (schemas/crds), which are always known.
   */
  readonly customResources?: CustomResourceSchemas;
  /**
   * Custom resources of a group no known CRD defines: "error" (TKC3001, `tkc build` and
   * `tkc validate --strict`) or "skip" (a TKC3006 warning: the CRD may be installed in the cluster).
   */
  readonly unknownCustomResources?: "error" | "skip";
  /** Extra CRD objects (`tkc validate --crds DIR`) whose custom resources are checked as if they were in the bundle. */
  readonly extraCrds?: readonly SourcedObject[];
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
  const crdObjects = options.extraCrds && options.extraCrds.length > 0 ? [...options.extraCrds, ...objects] : objects;
  const bundleKinds = kindsDefinedByBundle(crdObjects);
  const bundleCrds = bundleKinds.size > 0 ? bundleCustomResources(crdObjects) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const sourced of objects) {
    const object = sourced.object;
    if (!isWellFormed(object)) continue; // the load/evaluate stages report objects without apiVersion/kind
    try {
      for (const d of objectDiagnostics(sourced)) diagnostics.push(d);
    } catch (thrown) {
      // ajv's validators recurse with the object (and a CRD's schema): one nested deeper than the
      // stack holds is not checked, and says so, rather than ending the run.
      if (!(thrown instanceof RangeError && /call stack/i.test(thrown.message))) throw thrown;
      diagnostics.push(tooDeep(sourced));
    }
  }
  return diagnostics;

  function objectDiagnostics(sourced: SourcedObject): readonly Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const object = sourced.object;
    const key = `${object.apiVersion}/${object.kind}`;
    if (options.customKinds?.has(key)) return diagnostics;
    if (bundleKinds.has(key)) {
      // Defined by a CRD beside it: check against that CRD, or say that it cannot be.
      if (bundleCrds?.find(object.apiVersion, object.kind)) return customDiagnostics(sourced, bundleCrds, kubeVersion);
      return [uncheckedCustomResource(sourced, "tkc cannot use the schema of the CustomResourceDefinition beside it (two CRDs of the kind, or one it cannot convert)")];
    }
    const validate = findKind(kubeVersion, object.apiVersion, object.kind) ? validators.get(object.apiVersion, object.kind) : undefined;
    if (!validate) {
      const custom = [options.customResources, builtins].find((set) => set?.find(object.apiVersion, object.kind));
      if (custom) return customDiagnostics(sourced, custom, kubeVersion);
      const unknown = unknownKindDiagnostic(sourced, kubeVersion, [...(options.customResources?.kinds() ?? []), ...builtins.kinds()]);
      if (options.unknownCustomResources === "skip" && isUnknownCustomApi(kubeVersion, object.apiVersion, object.kind)) {
        const suggestion = unknown.hint?.startsWith("did you mean") || unknown.hint?.startsWith("use apiVersion") ? `${unknown.hint}; or ` : "";
        diagnostics.push(
          warning(UNCHECKED_CUSTOM, `${object.apiVersion} ${object.kind} is not checked: no CustomResourceDefinition for it is known`, {
            ...(unknown.location ? { location: unknown.location } : {}),
            ...(unknown.object ? { object: unknown.object } : {}),
            ...(unknown.path ? { path: unknown.path } : {}),
            hint: `${suggestion}pass its CRD with --crds DIR (or put the CustomResourceDefinition among the inputs); --strict makes this an error`,
          }),
        );
      } else diagnostics.push(unknown);
      return diagnostics;
    }
    if (validate(object)) return diagnostics;
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      const diagnostic = diagnosticFor(e, { sourced, kubeVersion });
      if (!diagnostic) continue;
      const dedupe = `${diagnostic.code} ${diagnostic.path} ${diagnostic.message}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      diagnostics.push(diagnostic);
    }
    // One mistake, one report: a value of the wrong type (1.5 for an integer) also fails its
    // format (int32); the type is what to fix.
    const mistyped = new Set(diagnostics.filter((d) => d.code === "TKC3003").map((d) => d.path));
    return mistyped.size === 0 ? diagnostics : diagnostics.filter((d) => d.code !== "TKC3005" || !mistyped.has(d.path));
  }
}

/** TKC3007: an object nested deeper than tkc's validators can follow. */
function tooDeep(sourced: SourcedObject): Diagnostic {
  const object = sourced.object;
  const location = locate(sourced, ["apiVersion"]);
  return warning("TKC3007", `${object.apiVersion} ${object.kind} is not checked: it is nested too deeply for tkc's validators`, {
    object: describeObject(object),
    path: "apiVersion",
    ...(location ? { location } : {}),
    hint: "the API server checks it on apply; nothing a real manifest needs is this deep",
  });
}
