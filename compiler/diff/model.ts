import type { BundleManifest, BundleObjectEntry } from "../emit/bundle-plan.js";
import type { KubeObject } from "../model/object.js";

/** One object of a bundle on disk: its bundle.json entry and its content (parsed on first use). */
export interface LoadedObject {
  readonly entry: BundleObjectEntry;
  /** sha256 of the document's bytes as read (equals `entry.sha256` unless the file was edited). */
  readonly sha256: string;
  /** The canonical YAML document. */
  readonly text: string;
  /** The parsed object; parsing is deferred because unchanged objects never need it. */
  readonly object: KubeObject;
}

/** A bundle directory read back: bundle.json and every object in install order. */
export interface LoadedBundle {
  /** The directory as given by the user (for headers), or a label such as `origin/main`. */
  readonly label: string;
  readonly manifest: BundleManifest;
  readonly objects: readonly LoadedObject[];
}

/** `group/Kind namespace/name`, the identity two bundles' objects are matched by (not the version). */
export type ObjectKey = string;

/** A field-level difference, with the path shown to users (`containers[name=api].image`). */
export type FieldChange =
  | { readonly op: "add"; readonly path: string; readonly value: unknown; readonly redacted?: true }
  | { readonly op: "remove"; readonly path: string; readonly value: unknown; readonly redacted?: true }
  | { readonly op: "replace"; readonly path: string; readonly from: unknown; readonly to: unknown; readonly redacted?: true; readonly note?: string }
  /** A keyed list whose items are the same set in another order: `from`/`to` are the item keys. */
  | { readonly op: "reorder"; readonly path: string; readonly from: readonly string[]; readonly to: readonly string[] };

export type ObjectStatus = "added" | "removed" | "changed";

/** How one object differs between the two bundles. */
export interface ObjectDiff {
  readonly status: ObjectStatus;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  /** The name in the `to` bundle (in the `from` bundle for removed objects). */
  readonly name: string;
  /** For a hashed ConfigMap/Secret (`<base>-<10 hex>`) whose hash changed: the base name. */
  readonly base?: string;
  /** The old name when it differs (a hashed config renamed, an apiVersion change keeps the name). */
  readonly fromName?: string;
  readonly fromApiVersion?: string;
  /** File in the `to` bundle (the `from` bundle for removed objects). */
  readonly file: string;
  /** Field changes (changed objects only), in document order. */
  readonly changes: readonly FieldChange[];
  /** The added object's content (Secret values redacted), for renderers that show it. */
  readonly content?: unknown;
}

export type HighlightKind = "image" | "replicas" | "resources";

/** A change reviewers look at first: an image, a replica count or a resource request/limit. */
export interface Highlight {
  readonly kind: HighlightKind;
  /** `Deployment shop-prod/api` */
  readonly object: string;
  readonly path: string;
  /** The container the change is in, when there is one. */
  readonly container?: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

/** What a side of the diff was: a bundle's manifest identity, or nothing (an environment that is new). */
export interface DiffSide {
  readonly label: string;
  readonly release?: string;
  readonly environment?: string;
  readonly version?: string;
  readonly digest?: string;
  readonly kubeVersion?: string;
}

export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
}

/** The result of `diffBundles`: pure data, rendered as text, markdown or JSON. */
export interface BundleDiff {
  readonly from: DiffSide;
  readonly to: DiffSide;
  readonly summary: DiffSummary;
  readonly highlights: readonly Highlight[];
  /** Added, removed and changed objects, in install order. */
  readonly objects: readonly ObjectDiff[];
  /** Build inputs (bundle.json `inputs`) whose value differs, by name. */
  readonly inputs: readonly InputChange[];
}

/** A build input whose value differs between the bundles (absent on a side that did not have it). */
export interface InputChange {
  readonly name: string;
  readonly from?: unknown;
  readonly to?: unknown;
  /** Where the new value came from: default, --set or --values. */
  readonly source?: string;
}

export function hasDifferences(diff: BundleDiff): boolean {
  return diff.objects.length > 0 || diff.inputs.length > 0;
}
