import type { DependencyRecord } from "./dependency.js";

export type Layout = "files" | "stream";

/** One object's entry in bundle.json. */
export interface BundleObjectEntry {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
}

/** Which object: what `kubectl` needs to find it. */
export interface ObjectIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** bundle.json: what was built, from what, and the digest of every object (docs/bundle-format.md). */
export interface BundleManifest {
  readonly apiVersion: "tkc.dev/v1";
  readonly kind: "Bundle";
  readonly release: string;
  readonly version: string;
  readonly environment: string;
  readonly namespace: string;
  readonly kubeVersion: string;
  readonly compiler: { readonly name: "tkc"; readonly version: string };
  readonly layout: Layout;
  readonly sources: readonly { readonly path: string; readonly sha256: string }[];
  /** The build inputs' values (`tkc inputs`), when the descriptors declare any: sources plus these reproduce the bundle. */
  readonly inputs?: Readonly<Record<string, { readonly value: unknown; readonly source: string }>>;
  /** What include(), kustomization() and helmChart() rendered (only when the release has some). */
  readonly dependencies?: readonly DependencyRecord[];
  readonly objects: readonly BundleObjectEntry[];
  /** Objects of the parent revision that this bundle no longer has: delete them (or prune) on apply. */
  readonly removed: readonly ObjectIdentity[];
  readonly digest: string;
}

export interface BundlePlan {
  readonly manifest: BundleManifest;
  /** Relative path -> file content, bundle.json included. */
  readonly files: ReadonlyMap<string, string>;
}

/** One environment's planned bundle, and how long it took from expansion to plan. */
export interface EnvironmentPlan {
  readonly environment: string;
  readonly plan: BundlePlan;
  readonly millis: number;
}
