import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { supportedKubeVersions } from "../index.js";

/** The slice of an OpenAPI v2 schema object that the Kubernetes specs use. */
export interface SpecSchema {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SpecSchema>>;
  readonly required?: readonly string[];
  readonly items?: SpecSchema;
  readonly additionalProperties?: SpecSchema | boolean;
  readonly $ref?: string;
  readonly "x-kubernetes-group-version-kind"?: readonly GroupVersionKind[];
  readonly [extension: `x-${string}`]: unknown;
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export interface SpecOperation {
  readonly "x-kubernetes-action"?: string;
  readonly "x-kubernetes-group-version-kind"?: GroupVersionKind;
}

export interface Spec {
  readonly definitions: Readonly<Record<string, SpecSchema>>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, SpecOperation | unknown>>>>;
}

/** The versions to generate: the table in schemas/kube-versions.json. */
export const KUBE_VERSIONS = supportedKubeVersions;

/** The committed, gzipped upstream spec of one version, relative to the repository root (see inputs/README.md). */
export function specFile(kubeVersion: string): string {
  return `inputs/k8s-openapi/v${kubeVersion}/swagger.json.gz`;
}

/** The upstream swagger.json bytes (uncompressed, so their sha256 is the one upstream publishes). */
export function readSpecBytes(repoRoot: string, kubeVersion: string): Buffer {
  return gunzipSync(readFileSync(`${repoRoot}/${specFile(kubeVersion)}`));
}

export function apiVersionOf(gvk: GroupVersionKind): string {
  return gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
}

export const REF_PREFIX = "#/definitions/";
