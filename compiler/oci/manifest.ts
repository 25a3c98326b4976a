import type { BundleManifest } from "../emit/bundle-plan.js";
import { sha256Digest } from "./layer.js";

// The artifact (docs/oci.md): an OCI image manifest (image-spec v1.1) with tkc's config and the
// bundle as its single layer. The layer has the generic OCI tar+gzip type, which Argo CD accepts
// by default and Flux's OCIRepository extracts (it takes the first tar+gzip layer); the config's
// media type says that the artifact is a tkc bundle.
export const MEDIA_TYPE = {
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.tkc.bundle.config.v1+json",
  layer: "application/vnd.oci.image.layer.v1.tar+gzip",
} as const;

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Where the bundle came from; every field optional, none read from the clock. */
export interface Provenance {
  /** Git remote URL (org.opencontainers.image.source). */
  readonly source?: string;
  /** Git commit, as recorded by the build (may end in +dirty). */
  readonly commit?: string;
  /** RFC 3339 UTC, from SOURCE_DATE_EPOCH or the commit time. */
  readonly created?: string;
  /** The history revision whose digest this bundle has. */
  readonly revision?: number;
}

export interface ArtifactBlob {
  readonly descriptor: Descriptor;
  readonly bytes: Buffer;
}

export interface Artifact {
  readonly config: ArtifactBlob;
  readonly layer: ArtifactBlob;
  readonly manifest: ArtifactBlob;
}

/** The config blob: what the bundle is, so a registry UI or `skopeo inspect --config` shows it. */
export function configJson(bundle: BundleManifest): Buffer {
  const config = {
    apiVersion: "tkc.dev/v1",
    kind: "BundleArtifact",
    release: bundle.release,
    version: bundle.version,
    environment: bundle.environment,
    namespace: bundle.namespace,
    kubeVersion: bundle.kubeVersion,
    layout: bundle.layout,
    objects: bundle.objects.length,
    digest: bundle.digest,
  };
  return Buffer.from(JSON.stringify(config, null, 2) + "\n", "utf8");
}

export function annotations(bundle: BundleManifest, provenance: Provenance): Record<string, string> {
  const commitHash = provenance.commit?.replace(/\+dirty$/, "");
  const entries: [string, string | undefined][] = [
    ["org.opencontainers.image.created", provenance.created],
    ["org.opencontainers.image.source", provenance.source],
    // Flux's revision format (RFC-0005): <algorithm>:<checksum>.
    ["org.opencontainers.image.revision", commitHash ? `sha1:${commitHash}` : undefined],
    ["org.opencontainers.image.title", `${bundle.release}-${bundle.environment}`],
    ["org.opencontainers.image.version", bundle.version],
    ["dev.tkc.release", bundle.release],
    ["dev.tkc.environment", bundle.environment],
    ["dev.tkc.version", bundle.version],
    ["dev.tkc.revision", provenance.revision !== undefined ? String(provenance.revision) : undefined],
    ["dev.tkc.source-commit", provenance.commit],
    ["dev.tkc.bundle-digest", bundle.digest],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
}

function blob(mediaType: string, bytes: Buffer, extra: Partial<Descriptor> = {}): ArtifactBlob {
  return { bytes, descriptor: { mediaType, digest: sha256Digest(bytes), size: bytes.length, ...extra } };
}

/** Config, layer and manifest with their digests: the same inputs give the same bytes. */
export function buildArtifact(bundle: BundleManifest, layerBytes: Buffer, provenance: Provenance): Artifact {
  const config = blob(MEDIA_TYPE.config, configJson(bundle));
  const layer = blob(MEDIA_TYPE.layer, layerBytes, { annotations: { "org.opencontainers.image.title": `${bundle.release}-${bundle.environment}.tar.gz` } });
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.manifest,
    config: config.descriptor,
    layers: [layer.descriptor],
    annotations: annotations(bundle, provenance),
  };
  return { config, layer, manifest: blob(MEDIA_TYPE.manifest, Buffer.from(JSON.stringify(manifest), "utf8")) };
}
