/**
 * Reads CustomResourceDefinition manifests: every served version with its openAPIV3Schema, or
 * diagnostics with file:line:col for what makes a file unusable as a CRD. Pure: text in, data out.
 */
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcedObject } from "../model/object.js";
import type { SourceLocation } from "../model/source.js";
import { readKubernetesYaml } from "../load/yaml/read.js";
import { locate } from "../validate/locate.js";
import { formatPath } from "../model/path.js";
import { crdNameProblems } from "./crd-names.js";
import { CrdCode } from "./codes.js";

/** The slice of an OpenAPI v3 schema (structural, as Kubernetes accepts it) that CRDs use. */
export type OpenApiSchema = { readonly [keyword: string]: unknown };

export interface CrdVersion {
  readonly name: string;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly schema: OpenApiSchema;
}

export interface Crd {
  /** `metadata.name`, e.g. `servicemonitors.monitoring.coreos.com`. */
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  /** Served versions only, in file order. */
  readonly versions: readonly CrdVersion[];
  readonly origin?: SourceLocation;
}

export interface CrdReadResult {
  readonly crds: Crd[];
  readonly diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const CRD_API = "apiextensions.k8s.io/v1";

/** Reads a YAML file of CRD manifests (several documents, or a `kind: List`). */
export function readCrdFile(file: string, text: string): CrdReadResult {
  const read = readKubernetesYaml(file, text);
  const diagnostics: Diagnostic[] = [];
  const yamlErrors = read.diagnostics.filter((d) => d.severity === "error");
  const syntax = yamlErrors.find((d) => d.code === "TKC1101" || d.code === "TKC1102" || d.code === "TKC1103" || d.code === "TKC1107");
  if (syntax) {
    diagnostics.push(error(CrdCode.notYaml, `the CRD file is not valid YAML: ${syntax.message}`, {
      ...(syntax.location ? { location: syntax.location } : {}),
      hint: syntax.hint ?? "fix the YAML syntax; a CRD file is the YAML manifest you would `kubectl apply`",
    }));
    return { crds: [], diagnostics };
  }
  // Other reader errors (a document that is not an object, no metadata.name) are reported in CRD terms below or as they are.
  diagnostics.push(...yamlErrors.filter((d) => d.code !== "TKC1106"));
  const crds: Crd[] = [];
  for (const sourced of read.objects) {
    const crd = crdOf(sourced, diagnostics);
    if (crd) crds.push(crd);
  }
  if (crds.length === 0 && read.objects.length === 0 && diagnostics.length === 0) {
    diagnostics.push(error(CrdCode.noCrd, `${file} holds no CustomResourceDefinition`, {
      location: { file, line: 1, column: 1 },
      hint: "give the CRD manifest of the operator (often crds.yaml or config/crd/bases/*.yaml in its repository)",
    }));
  }
  return { crds, diagnostics };
}

/** One CRD object (from a YAML file or a bundle), or undefined with the reason in `diagnostics`. */
export function crdOf(sourced: SourcedObject, diagnostics: Diagnostic[]): Crd | undefined {
  const object = sourced.object as unknown as Json;
  const at = (...path: (string | number)[]) => {
    const location = locate(sourced, path);
    return location ? { location } : {};
  };
  if (object["apiVersion"] !== CRD_API || object["kind"] !== "CustomResourceDefinition") {
    const isOldCrd = object["kind"] === "CustomResourceDefinition" && object["apiVersion"] === "apiextensions.k8s.io/v1beta1";
    diagnostics.push(error(CrdCode.notACrd, isOldCrd
      ? "apiextensions.k8s.io/v1beta1 CustomResourceDefinitions were removed in Kubernetes 1.22"
      : `this document is not a CustomResourceDefinition but ${String(object["apiVersion"])} ${String(object["kind"])}`, {
      ...at(isOldCrd ? "apiVersion" : "kind"),
      hint: isOldCrd
        ? "use the operator's apiextensions.k8s.io/v1 CRD manifest (every maintained operator publishes one)"
        : "give a file of apiextensions.k8s.io/v1 CustomResourceDefinition manifests; other objects belong in the release",
    }));
    return undefined;
  }
  const metadata = isRecord(object["metadata"]) ? object["metadata"] : {};
  const spec = isRecord(object["spec"]) ? object["spec"] : undefined;
  const names = spec && isRecord(spec["names"]) ? spec["names"] : undefined;
  const missing = !spec ? "spec" : typeof spec["group"] !== "string" ? "spec.group" : !names ? "spec.names" : typeof names["kind"] !== "string" ? "spec.names.kind"
    : typeof names["plural"] !== "string" ? "spec.names.plural" : spec["scope"] !== "Namespaced" && spec["scope"] !== "Cluster" ? "spec.scope" : !Array.isArray(spec["versions"]) ? "spec.versions" : undefined;
  if (missing || !spec || !names) {
    const path = (missing ?? "spec").split(".");
    diagnostics.push(error(CrdCode.malformedCrd, `CustomResourceDefinition ${String(metadata["name"] ?? "<unnamed>")} has no valid ${missing}`, {
      ...at(...path.slice(0, -1)), path: missing,
      hint: missing === "spec.scope" ? 'set scope to "Namespaced" or "Cluster"' : "the CRD manifest is incomplete; use the operator's published file",
    }));
    return undefined;
  }
  const group = spec["group"] as string;
  const kind = names["kind"] as string;
  const name = typeof metadata["name"] === "string" ? metadata["name"] : `${names["plural"] as string}.${group}`;
  // The server refuses such names, and files are named after them: a CRD that breaks them is not read further.
  const badNames = crdNameProblems(object as Record<string, unknown>);
  if (badNames.length > 0) {
    for (const problem of badNames) diagnostics.push(error(CrdCode.malformedCrd, `CustomResourceDefinition ${name}: ${problem.message}`, { ...at(...problem.path), path: formatPath([...problem.path]), hint: problem.hint }));
    return undefined;
  }
  const versions: CrdVersion[] = [];
  const listed = spec["versions"] as unknown[];
  listed.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry["name"] !== "string") {
      diagnostics.push(error(CrdCode.malformedCrd, `CustomResourceDefinition ${name}: spec.versions[${index}] has no name`, { ...at("spec", "versions", index), hint: "each version needs name, served, storage and schema.openAPIV3Schema" }));
      return;
    }
    if (entry["served"] !== true) return;
    const schema = isRecord(entry["schema"]) && isRecord(entry["schema"]["openAPIV3Schema"]) ? entry["schema"]["openAPIV3Schema"] : undefined;
    if (!schema) {
      diagnostics.push(error(CrdCode.noSchema, `CustomResourceDefinition ${name}: served version ${entry["name"]} has no schema.openAPIV3Schema`, {
        ...at("spec", "versions", index), path: `spec.versions[${index}].schema.openAPIV3Schema`,
        hint: "apiextensions.k8s.io/v1 requires a structural schema for every served version; without one tkc cannot type or check the resource",
      }));
      return;
    }
    versions.push({ name: entry["name"], storage: entry["storage"] === true, deprecated: entry["deprecated"] === true, schema });
  });
  if (versions.length === 0 && !diagnostics.some((d) => d.code === CrdCode.noSchema)) {
    diagnostics.push(error(CrdCode.noServedVersion, `CustomResourceDefinition ${name} serves no version`, {
      ...at("spec", "versions"), path: "spec.versions",
      hint: "set served: true on the version your cluster accepts; versions with served: false are skipped",
    }));
    return undefined;
  }
  if (versions.length === 0) return undefined;
  return { name, group, kind, plural: names["plural"] as string, namespaced: spec["scope"] === "Namespaced", versions, ...(sourced.origin ? { origin: sourced.origin } : {}) };
}

