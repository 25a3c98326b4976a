import { readFileSync } from "node:fs";

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

export const KUBE_VERSIONS = ["1.33", "1.34", "1.35", "1.36"] as const;

/** `../shared/k8s-openapi/v1.NN/swagger.json`, relative to the repository root. */
export function specPath(repoRoot: string, kubeVersion: string): string {
  return `${repoRoot}/../shared/k8s-openapi/v${kubeVersion}/swagger.json`;
}

export function readSpec(repoRoot: string, kubeVersion: string): Spec {
  return JSON.parse(readFileSync(specPath(repoRoot, kubeVersion), "utf8")) as Spec;
}

export function apiVersionOf(gvk: GroupVersionKind): string {
  return gvk.group === "" ? gvk.version : `${gvk.group}/${gvk.version}`;
}

export const REF_PREFIX = "#/definitions/";
