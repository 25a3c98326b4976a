import { findKind } from "../../schemas/index.js";
import { findCustomKind } from "../../schemas/crds/index.js";
import type { KubeObject } from "../model/object.js";
import type { Manifest } from "./read-manifests.js";

/** What the importer does with one object (`droppedNulls`: fields written as `null`, left out). */
export type ObjectPlan = { readonly droppedNulls?: readonly string[] } & (
  /** A typed raw() object (built-in kind, or a custom resource tkc has types for). */
  | { readonly how: "raw"; readonly manifest: Manifest; readonly object: KubeObject }
  /** unchecked(): a custom resource without types (no known or imported CRD). */
  | { readonly how: "unchecked"; readonly manifest: Manifest; readonly object: KubeObject; readonly why?: string }
  /** plainSecret(): a Secret written as stringData, emitted only with --include-secrets. */
  | { readonly how: "plainSecret"; readonly manifest: Manifest; readonly object: KubeObject }
  /** service(): a Deployment (`object`) and its Service that service() reproduces exactly. */
  | { readonly how: "service"; readonly manifest: Manifest; readonly object: KubeObject; readonly serviceManifest: Manifest; readonly options: Readonly<Record<string, unknown>> }
  /** A Secret with values, left out: the user creates it. */
  | { readonly how: "secretLeftOut"; readonly manifest: Manifest; readonly object: KubeObject; readonly keys: readonly string[] }
);

export interface PlanOptions {
  readonly kubeVersion: string;
  readonly includeSecrets: boolean;
  /** The environment's namespace: objects in it lose their explicit namespace. */
  readonly namespace: string;
}

function secretKeys(object: KubeObject): string[] {
  const data = (object.data as Record<string, unknown> | undefined) ?? {};
  const stringData = (object.stringData as Record<string, unknown> | undefined) ?? {};
  return [...new Set([...Object.keys(data), ...Object.keys(stringData)])].sort();
}

/** A Secret plainSecret() reproduces exactly: name, stringData and an explicit type only (it writes type: Opaque when none is given). */
function plainSecretFits(object: KubeObject): boolean {
  const metadata = object.metadata ?? {};
  const topLevel = Object.keys(object).every((k) => ["apiVersion", "kind", "metadata", "stringData", "type"].includes(k));
  const metaKeys = Object.keys(metadata).every((k) => k === "name" || k === "namespace");
  const values = object.stringData as Record<string, unknown> | undefined;
  return topLevel && metaKeys && typeof object.type === "string" && values !== undefined && Object.keys(values).length > 0 && Object.values(values).every((v) => typeof v === "string");
}

/** Drops metadata.namespace when it is the environment's (the compiler sets it back). */
export function withoutNamespace(object: KubeObject, namespace: string): KubeObject {
  if (object.metadata?.namespace !== namespace) return object;
  const { namespace: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/**
 * A StatefulSet whose claim templates omit apiVersion and kind: valid for the API server, but the
 * generated PersistentVolumeClaim type requires both, so raw() would not type-check.
 */
function typesRejectClaimTemplates(object: KubeObject): boolean {
  if (object.kind !== "StatefulSet") return false;
  const templates = (object.spec as { volumeClaimTemplates?: unknown[] } | undefined)?.volumeClaimTemplates ?? [];
  return templates.some((t) => t !== null && typeof t === "object" && (!("apiVersion" in t) || !("kind" in t)));
}

/**
 * The object without its `key: null` fields (Helm charts leave many), and where they were. The API
 * server reads null as unset, and the generated types (rightly) have no null, so they go.
 */
export function withoutNulls(value: unknown, path = "", dropped: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => withoutNulls(item, `${path}[${i}]`, dropped));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (item === null) dropped.push(at);
    else out[key] = withoutNulls(item, at, dropped);
  }
  return out;
}

export function planObject(manifest: Manifest, options: PlanOptions): ObjectPlan {
  const nulls: string[] = [];
  const object = withoutNamespace(withoutNulls(manifest.object, "", nulls) as KubeObject, options.namespace);
  const plan = planClean(manifest, object, options);
  return nulls.length > 0 ? { ...plan, droppedNulls: nulls } : plan;
}

function planClean(manifest: Manifest, object: KubeObject, options: PlanOptions): ObjectPlan {
  if (object.apiVersion === "v1" && object.kind === "Secret") {
    const keys = secretKeys(object);
    if (keys.length > 0) {
      if (!options.includeSecrets) return { how: "secretLeftOut", manifest, object, keys };
      if (plainSecretFits(object)) return { how: "plainSecret", manifest, object };
    }
    return { how: "raw", manifest, object };
  }
  if (typesRejectClaimTemplates(object)) return { how: "unchecked", manifest, object, why: "volumeClaimTemplates without apiVersion/kind (the API server accepts them; tkc's types require them)" };
  const known = findKind(options.kubeVersion, object.apiVersion, object.kind) ?? findCustomKind(object.apiVersion, object.kind);
  return { how: known ? "raw" : "unchecked", manifest, object };
}
