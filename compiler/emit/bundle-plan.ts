import type { KubeObject } from "../model/object.js";
import type { SourceFile } from "../model/source.js";
import type { DependencyRecord } from "../model/dependency.js";
import { sha256 } from "../cache/cache-dir.js";
import { compareInstallOrder } from "./install-order.js";
import { toCanonicalYaml } from "./yaml-writer.js";
import { OBJECTS_DIR } from "./bundle-dir.js";

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

export interface BundleInput {
  readonly release: string;
  readonly version: string;
  readonly environment: string;
  readonly namespace: string;
  readonly kubeVersion: string;
  readonly compilerVersion: string;
  readonly layout: Layout;
  /** Source files with paths relative to the project, `/`-separated. */
  readonly sources: readonly SourceFile[];
  readonly inputs?: BundleManifest["inputs"];
  readonly dependencies?: readonly DependencyRecord[];
  readonly objects: readonly KubeObject[];
}

/** Longest slug kept whole: with the index and `.yaml` a file name stays far below 255 bytes. */
const MAX_SLUG = 180;

/**
 * `NNN-<kind>-<name>.yaml`, ASCII only. A slug over MAX_SLUG characters (a 253-character ConfigMap
 * name) is cut and ends in 8 hex digits of its sha256, so names stay unique and deterministic.
 */
export function fileName(index: number, object: KubeObject): string {
  let slug = `${object.kind}-${object.metadata.name ?? "unnamed"}`.toLowerCase().replace(/[^a-z0-9.-]+/g, "-");
  if (slug.length > MAX_SLUG) slug = `${slug.slice(0, MAX_SLUG - 9)}-${sha256(slug).slice(0, 8)}`;
  return `${String(index + 1).padStart(3, "0")}-${slug}.yaml`;
}

/**
 * The digest of a bundle: sha256 over each object's identity and content hash, in install order,
 * then each build input's name and value (not its source: the same value from --set or a file
 * builds the same bundle).
 */
export function bundleDigest(objects: readonly Pick<BundleObjectEntry, "apiVersion" | "kind" | "namespace" | "name" | "sha256">[], inputs?: BundleManifest["inputs"]): string {
  const lines = objects.map((o) => `${o.apiVersion} ${o.kind} ${o.namespace ?? ""}/${o.name} ${o.sha256}\n`).join("");
  const values = Object.entries(inputs ?? {}).map(([name, input]) => `input ${name} ${JSON.stringify(input.value)}\n`).join("");
  return `sha256:${sha256(lines + values)}`;
}

/** Lay out a bundle in memory: pure, so it can be compared with what is on disk before writing. */
export function planBundle(input: BundleInput): BundlePlan {
  const ordered = [...input.objects].sort(compareInstallOrder);
  const files = new Map<string, string>();
  const entries: BundleObjectEntry[] = [];
  const stream: string[] = [];
  ordered.forEach((object, index) => {
    const yaml = toCanonicalYaml(object);
    const file = `${OBJECTS_DIR}/${input.layout === "files" ? fileName(index, object) : STREAM_FILE}`;
    if (input.layout === "files") files.set(file, yaml);
    else stream.push(yaml);
    const namespace = object.metadata.namespace;
    entries.push({
      apiVersion: object.apiVersion,
      kind: object.kind,
      ...(namespace ? { namespace } : {}),
      name: object.metadata.name ?? "",
      file,
      sha256: sha256(yaml),
    });
  });
  if (input.layout === "stream") files.set(`${OBJECTS_DIR}/${STREAM_FILE}`, stream.map((doc) => `---\n${doc}`).join(""));
  files.set(KUSTOMIZATION_FILE, kustomization([...new Set(entries.map((e) => e.file))]));
  const manifest: BundleManifest = {
    apiVersion: "tkc.dev/v1",
    kind: "Bundle",
    release: input.release,
    version: input.version,
    environment: input.environment,
    namespace: input.namespace,
    kubeVersion: input.kubeVersion,
    compiler: { name: "tkc", version: input.compilerVersion },
    layout: input.layout,
    sources: [...input.sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((s) => ({ path: s.path, sha256: s.sha256 })),
    ...(input.inputs ? { inputs: input.inputs } : {}),
    ...(input.dependencies && input.dependencies.length > 0 ? { dependencies: input.dependencies } : {}),
    objects: entries,
    removed: [],
    digest: bundleDigest(entries, input.inputs),
  };
  files.set("bundle.json", renderManifest(manifest));
  return { manifest, files };
}

export const KUSTOMIZATION_FILE = "kustomization.yaml";
export const STREAM_FILE = "manifests.yaml";

/**
 * Makes the bundle a kustomize base, so `kubectl apply -k`, Argo CD and Flux apply exactly the
 * objects (`kubectl apply -f <env>/objects` does too: that folder holds nothing else).
 */
export function kustomization(files: readonly string[]): string {
  return [
    "# Generated by tkc. Apply with: kubectl apply -k <this directory>",
    "apiVersion: kustomize.config.k8s.io/v1beta1",
    "kind: Kustomization",
    "resources:",
    ...files.map((file) => `- ${file}`),
    "",
  ].join("\n");
}

/** bundle.json's bytes: 2-space JSON in the field order of BundleManifest, newline-terminated. */
export function renderManifest(manifest: BundleManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/**
 * A bundle of the layout before `objects/` (object files beside bundle.json) in today's layout:
 * the same objects, bytes and digest, the files moved into `objects/`. Others come back as they are.
 */
export function inCurrentLayout(plan: BundlePlan): BundlePlan {
  if (plan.manifest.objects.every((o) => o.file.startsWith(`${OBJECTS_DIR}/`))) return plan;
  const moved = (file: string) => (file.startsWith(`${OBJECTS_DIR}/`) ? file : `${OBJECTS_DIR}/${file}`);
  const objects = plan.manifest.objects.map((o) => ({ ...o, file: moved(o.file) }));
  const manifest: BundleManifest = { ...plan.manifest, objects };
  const files = new Map<string, string>();
  for (const file of new Set(plan.manifest.objects.map((o) => o.file))) files.set(moved(file), plan.files.get(file)!);
  files.set(KUSTOMIZATION_FILE, kustomization([...new Set(objects.map((o) => o.file))]));
  files.set("bundle.json", renderManifest(manifest));
  return { manifest, files };
}

/** The same plan recording which objects were removed since the parent revision. */
export function withRemoved(plan: BundlePlan, removed: readonly ObjectIdentity[]): BundlePlan {
  const { digest, ...rest } = plan.manifest;
  const manifest: BundleManifest = { ...rest, removed, digest };
  const files = new Map(plan.files);
  files.set("bundle.json", renderManifest(manifest));
  return { manifest, files };
}

export function identityKey(o: ObjectIdentity): string {
  const group = o.apiVersion.includes("/") ? o.apiVersion.slice(0, o.apiVersion.indexOf("/")) : "";
  return `${group}/${o.kind}/${o.namespace ?? ""}/${o.name}`;
}
