import type { CredentialLookup } from "./credentials.js";
import { checkBundleFiles, readBundleDir, type BundleProblem } from "./bundle-files.js";
import { lineEndsHint, withLfLineEnds } from "../release/check-revision.js";
import { RegistryClient, type ClientOptions } from "./client.js";
import { OCI, OciError } from "./errors.js";
import { packLayer } from "./layer.js";
import { buildArtifact, type Artifact, type Provenance } from "./manifest.js";
import { TAG, formatReference, type OciReference } from "./reference.js";
import type { BundleManifest } from "../emit/bundle-plan.js";

export interface PushRequest {
  readonly bundleDir: string;
  readonly reference: OciReference;
  /** More tags for the same manifest (e.g. the version and the environment). */
  readonly extraTags: readonly string[];
  readonly plainHttp: boolean;
  readonly credentials: CredentialLookup;
  readonly provenance: (bundle: BundleManifest) => Promise<Provenance>;
  readonly retry?: ClientOptions["retry"];
  readonly log?: (line: string) => void;
}

export interface PushResult {
  readonly digest: string;
  readonly tags: readonly string[];
  readonly bundle: BundleManifest;
  readonly artifact: Artifact;
  /** Blobs the registry already had (skipped) and blobs uploaded. */
  readonly blobs: { readonly pushed: number; readonly existing: number };
}

/** The artifact of a bundle directory, after checking that the directory is the bundle its bundle.json describes. */
export async function artifactOfDir(bundleDir: string, provenance: PushRequest["provenance"]): Promise<{ bundle: BundleManifest; artifact: Artifact }> {
  const read = readBundleDir(bundleDir);
  if (!read) throw new OciError(OCI.badBundleDir, `${bundleDir} is not a bundle directory (it has no bundle.json)`, "push an environment's bundle directory, e.g. out/shop/prod, or a project with --env to build it first");
  const { files, links } = read;
  if (links.length > 0) {
    throw new OciError(OCI.badBundleDir, `${bundleDir} holds symbolic links (${links.join(", ")}); tkc never reads or pushes a file through a link`, "remove the links (a commit may have planted them) and rebuild the bundle with `tkc build`");
  }
  const { manifest, problems } = checkBundleFiles(files);
  if (!manifest || problems.length) {
    if (onlyLineEndsChanged(files, problems)) {
      throw new OciError(OCI.badBundleDir, `${bundleDir} has CRLF line ends where tkc wrote LF: its files are not the bytes bundle.json hashed`, lineEndsHint(bundleDir));
    }
    throw new OciError(OCI.badBundleDir, `${bundleDir} is not an intact tkc bundle:\n${problems.map((p) => `- ${p.message}`).join("\n")}`, "rebuild it with `tkc build`; a bundle must not be edited after it was built");
  }
  return { bundle: manifest, artifact: buildArtifact(manifest, packLayer(files), await provenance(manifest)) };
}

/** Whether every problem is a digest that holds once CRLF line ends are LF again: git's conversion (core.autocrlf), not an edit. */
function onlyLineEndsChanged(files: ReadonlyMap<string, Buffer>, problems: readonly BundleProblem[]): boolean {
  if (problems.length === 0 || problems.some((p) => p.kind !== "digest")) return false;
  const lf = new Map([...files].map(([path, bytes]) => [path, Buffer.from(withLfLineEnds(bytes.toString("utf8")))]));
  return checkBundleFiles(lf).problems.length === 0;
}

export async function pushBundle(request: PushRequest): Promise<PushResult> {
  const { reference } = request;
  if (reference.digest) throw new OciError(OCI.badReference, `push needs a tag, not a digest: ${formatReference(reference)}`, "write oci://HOST/REPOSITORY:TAG; the digest is what push prints");
  for (const tag of request.extraTags) {
    if (!TAG.test(tag)) throw new OciError(OCI.badReference, `--tag '${tag}' is not a valid tag`, "letters, digits, _ . -, at most 128 characters, not starting with . or -");
  }
  if (!reference.tag) throw new OciError(OCI.badReference, `push needs a tag: ${formatReference(reference)}`, "write oci://HOST/REPOSITORY:TAG, e.g. the release version; add more with --tag");
  const tags = [...new Set([reference.tag, ...request.extraTags])];
  const { bundle, artifact } = await artifactOfDir(request.bundleDir, request.provenance);
  const client = new RegistryClient({ reference, plainHttp: request.plainHttp, credentials: request.credentials, retry: request.retry, log: request.log });
  await client.ping();
  const blobs = { pushed: 0, existing: 0 };
  for (const blob of [artifact.config, artifact.layer]) {
    const outcome = await client.pushBlob(blob.descriptor, blob.bytes);
    blobs[outcome === "pushed" ? "pushed" : "existing"]++;
  }
  for (const tag of tags) {
    const reported = await client.putManifest(tag, artifact.manifest.bytes, artifact.manifest.descriptor.mediaType);
    if (reported && reported !== artifact.manifest.descriptor.digest) {
      throw new OciError(OCI.digestMismatch, `the registry stored the manifest of ${formatReference(reference, { tag })} under ${reported}, not ${artifact.manifest.descriptor.digest}`, "the registry rewrote the manifest; pin what it reports only after checking it with `tkc pull`");
    }
  }
  return { digest: artifact.manifest.descriptor.digest, tags, bundle, artifact, blobs };
}
