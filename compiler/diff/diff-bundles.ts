import { compareInstallOrder } from "../emit/install-order.js";
import { defaultKubeVersion } from "../../schemas/index.js";
import type { InputChange } from "./model.js";
import type { BundleManifest } from "../emit/bundle-plan.js";
import { diffFields } from "./diff-fields.js";
import type { BundleDiff, DiffSide, FieldChange, Highlight, LoadedBundle, LoadedObject, ObjectDiff, ObjectKey } from "./model.js";
import { maskSecret, present, presentChange } from "./redact.js";
import { escapeControl } from "../diagnostics/escape.js";
import { apiGroup } from "../../syntax/index.js";

/** One side of a diff: a bundle, or nothing (an environment the other side does not have). */
export type DiffInput = LoadedBundle | { readonly label: string; readonly missing: true };

/** `<base>-<10 hex>`: the names the immutable-config pattern gives ConfigMaps and Secrets. */
const HASHED_NAME = /^(.+)-([0-9a-f]{10})$/;
// Kinds tkc names by a content hash: immutable config (ConfigMap, Secret) and one-off Jobs such as
// migrations, whose new hash is the next run of the same Job.
const HASHED_KINDS = new Set(["ConfigMap", "Secret", "Job"]);

/** Objects are matched by API group, kind, namespace and name: a version bump is a change, not a replacement. */
export function objectKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): ObjectKey {
  return `${apiGroup(apiVersion)}/${kind} ${namespace ?? ""}/${name}`;
}

/** Stands for "the environment's own namespace" when two environments are compared. */
const ENV_NAMESPACE = "<environment>";

/**
 * How objects are matched. Two bundles of the same environment: by identity. Two environments
 * (dev against prod): each side's own namespace is the same place, so `api` in shop-dev matches
 * `api` in shop-prod, and the environments' Namespace objects match each other.
 */
function keyer(namespace: string | undefined, crossEnvironment: boolean) {
  return (o: LoadedObject): ObjectKey => {
    const { apiVersion, kind, name } = o.entry;
    if (!crossEnvironment) return objectKey(apiVersion, kind, o.entry.namespace, name);
    if (kind === "Namespace" && name === namespace) return objectKey(apiVersion, kind, undefined, ENV_NAMESPACE);
    return objectKey(apiVersion, kind, o.entry.namespace === namespace ? ENV_NAMESPACE : o.entry.namespace, name);
  };
}

/** Field changes that only say "the other environment's namespace". */
function isNamespaceSwap(change: FieldChange, kind: string, fromNs: string, toNs: string): boolean {
  const swapped = change.op === "replace" && change.from === fromNs && change.to === toNs;
  return swapped && (change.path === "metadata.namespace" || (kind === "Namespace" && change.path === "metadata.name"));
}

/**
 * Compares two bundles. Pure: no I/O beyond parsing objects already in memory. Objects whose
 * content hash is the same on both sides are skipped without being parsed.
 */
export function diffBundles(from: DiffInput, to: DiffInput): BundleDiff {
  const fromObjects = "missing" in from ? [] : from.objects;
  const toObjects = "missing" in to ? [] : to.objects;
  const kubeVersion = manifestOf(to)?.kubeVersion ?? manifestOf(from)?.kubeVersion ?? defaultKubeVersion;
  const fromNs = manifestOf(from)?.namespace;
  const toNs = manifestOf(to)?.namespace;
  const crossEnvironment = fromNs !== undefined && toNs !== undefined && fromNs !== toNs;
  const fromKey = keyer(fromNs, crossEnvironment);
  const toKey = keyer(toNs, crossEnvironment);
  const before = new Map(fromObjects.map((o) => [fromKey(o), o] as const));
  const afterKeys = new Set(toObjects.map(toKey));

  const pairs: [LoadedObject, LoadedObject, string?][] = [];
  const added: LoadedObject[] = [];
  let unchanged = 0;
  for (const object of toObjects) {
    const previous = before.get(toKey(object));
    if (!previous) added.push(object);
    else if (previous.sha256 === object.sha256) unchanged++;
    else pairs.push([previous, object]);
  }
  const removed = fromObjects.filter((o) => !afterKeys.has(fromKey(o)));

  // A hashed object whose content changed has a new name: pair it with the old one.
  const renames = new Map<string, readonly [string, string]>();
  const byBase = (objects: readonly LoadedObject[], ownNamespace: string | undefined) => {
    const groups = new Map<string, LoadedObject[]>();
    for (const o of objects) {
      const match = HASHED_KINDS.has(o.entry.kind) ? HASHED_NAME.exec(o.entry.name) : null;
      if (!match) continue;
      const namespace = crossEnvironment && o.entry.namespace === ownNamespace ? ENV_NAMESPACE : o.entry.namespace;
      const key = objectKey(o.entry.apiVersion, o.entry.kind, namespace, match[1]);
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    return groups;
  };
  const removedByBase = byBase(removed, fromNs);
  const pairedOut = new Set<LoadedObject>();
  for (const [key, news] of byBase(added, toNs)) {
    const olds = removedByBase.get(key);
    if (news.length !== 1 || olds?.length !== 1) continue; // ambiguous: leave as add + remove
    const base = HASHED_NAME.exec(news[0].entry.name)![1];
    pairs.push([olds[0], news[0], base]);
    pairedOut.add(olds[0]).add(news[0]);
    renames.set(olds[0].entry.name, [news[0].entry.name, `${news[0].entry.kind} ${base}: new content`]);
  }

  const diffs: ObjectDiff[] = [];
  for (const [a, b, base] of pairs) {
    const secret = b.entry.kind === "Secret" || a.entry.kind === "Secret";
    // Secrets are compared masked: each value (and every string holding one) as a per-run HMAC token.
    const [from, to] = secret ? [maskSecret(a.object, [b.object]), maskSecret(b.object, [a.object])] : [a.object, b.object];
    let changes = diffFields(from, to, { kubeVersion, apiVersion: b.entry.apiVersion, kind: b.entry.kind, secret, renames });
    if (secret) changes = changes.map(presentChange);
    // the header shows the hashed rename; its metadata.name line would only repeat it
    if (base) changes = changes.filter((c) => c.path !== "metadata.name");
    if (crossEnvironment) changes = changes.filter((c) => !isNamespaceSwap(c, b.entry.kind, fromNs!, toNs!));
    if (changes.length === 0) {
      unchanged++; // the same object, but for the environment's namespace
      continue;
    }
    diffs.push({
      status: "changed",
      ...identity(b),
      ...(base ? { base, fromName: a.entry.name } : {}),
      ...(a.entry.apiVersion !== b.entry.apiVersion ? { fromApiVersion: a.entry.apiVersion } : {}),
      changes,
    });
  }
  for (const o of added) {
    if (pairedOut.has(o)) continue;
    diffs.push({ status: "added", ...identity(o), changes: [], content: o.entry.kind === "Secret" ? present(maskSecret(o.object)) : o.object });
  }
  for (const o of removed) if (!pairedOut.has(o)) diffs.push({ status: "removed", ...identity(o), changes: [] });
  diffs.sort(compareDiffs);

  return {
    from: side(from),
    to: side(to),
    summary: {
      added: diffs.filter((d) => d.status === "added").length,
      removed: diffs.filter((d) => d.status === "removed").length,
      changed: diffs.filter((d) => d.status === "changed").length,
      unchanged,
    },
    // images first, then replica counts, then resources; each in install order
    highlights: HIGHLIGHT_ORDER.flatMap((kind) => diffs.flatMap(highlightsOf).filter((h) => h.kind === kind)),
    objects: diffs,
    inputs: inputChanges(manifestOf(from)?.inputs ?? {}, manifestOf(to)?.inputs ?? {}),
  };
}

function inputChanges(from: NonNullable<BundleManifest["inputs"]>, to: NonNullable<BundleManifest["inputs"]>): InputChange[] {
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return names.flatMap((name): InputChange[] => {
    const before = from[name];
    const after = to[name];
    if (before && after && JSON.stringify(before.value) === JSON.stringify(after.value)) return [];
    return [{ name, ...(before ? { from: before.value } : {}), ...(after ? { to: after.value, source: after.source } : {}) }];
  });
}

function manifestOf(input: DiffInput): BundleManifest | undefined {
  return "missing" in input ? undefined : input.manifest;
}

function side(input: DiffInput): DiffSide {
  const m = manifestOf(input);
  if (!m) return { label: input.label };
  return { label: input.label, release: m.release, environment: m.environment, version: m.version, digest: m.digest, kubeVersion: m.kubeVersion };
}

function identity(o: LoadedObject) {
  const { apiVersion, kind, namespace, name, file } = o.entry;
  return { apiVersion, kind, ...(namespace ? { namespace } : {}), name, file };
}

const STATUS_ORDER = { changed: 0, added: 1, removed: 2 } as const;

/** Install order (the order the bundle applies in), then name; an object both removed and added keeps removed last. */
function compareDiffs(a: ObjectDiff, b: ObjectDiff): number {
  const asObject = (d: ObjectDiff) => ({ apiVersion: d.apiVersion, kind: d.kind, metadata: { namespace: d.namespace, name: d.base ?? d.name } });
  return compareInstallOrder(asObject(a), asObject(b)) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** `Kind namespace/name`, on one line: the names come from the bundles, which anyone may have written. */
export function describeDiffObject(d: Pick<ObjectDiff, "kind" | "namespace" | "name" | "base">): string {
  return escapeControl(`${d.kind} ${d.namespace ? d.namespace + "/" : ""}${d.base ?? d.name}`);
}

const HIGHLIGHT_ORDER = ["image", "replicas", "resources"] as const;
const CONTAINER = /(?:^|\.)(?:containers|initContainers|ephemeralContainers)\[name=([^\]]+)\]/;
const REPLICAS = new Set(["spec.replicas", "spec.minReplicas", "spec.maxReplicas"]);

/** The changes reviewers should see first: images, replica counts, resource requests and limits. */
function highlightsOf(d: ObjectDiff): Highlight[] {
  if (d.status !== "changed") return [];
  const object = describeDiffObject(d);
  const out: Highlight[] = [];
  for (const change of d.changes) {
    if (change.op === "reorder") continue;
    const container = CONTAINER.exec(change.path)?.[1];
    const values = valuesOf(change);
    if (container && change.path.endsWith(".image")) out.push({ kind: "image", object, path: change.path, container, ...values });
    else if (container && /\]\.resources(?:\.|$)/.test(change.path)) out.push({ kind: "resources", object, path: change.path, container, ...values });
    else if (REPLICAS.has(change.path)) out.push({ kind: "replicas", object, path: change.path, ...values });
    else if (container && (change.op === "add" || change.op === "remove") && /\[name=[^\]]+\]$/.test(change.path) && change.path.endsWith(`[name=${container}]`)) {
      const image = (change.value as { image?: unknown } | null)?.image;
      out.push({ kind: "image", object, path: `${change.path}.image`, container, ...(change.op === "add" ? { to: image } : { from: image }) });
    }
  }
  return out;
}

function valuesOf(change: Exclude<FieldChange, { op: "reorder" }>): { from?: unknown; to?: unknown } {
  if (change.op === "replace") return { from: change.from, to: change.to };
  return change.op === "add" ? { to: change.value } : { from: change.value };
}
