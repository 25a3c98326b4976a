import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { BundleManifest } from "../emit/bundle-plan.js";
import { checkBundleFiles, MANIFEST_FILE } from "./bundle-files.js";
import { RegistryClient, type ClientOptions } from "./client.js";
import type { CredentialLookup } from "./credentials.js";
import { OCI, OciError } from "./errors.js";
import { MAX_LAYER_BYTES, unpackLayer } from "./layer.js";
import { MEDIA_TYPE, type ImageManifest } from "./manifest.js";
import { formatReference, type OciReference } from "./reference.js";
import { TarError } from "./tar.js";

export interface PullRequest {
  readonly reference: OciReference;
  readonly outDir: string;
  readonly plainHttp: boolean;
  readonly credentials: CredentialLookup;
  readonly retry?: ClientOptions["retry"];
  readonly log?: (line: string) => void;
}

export interface PullResult {
  readonly digest: string;
  readonly bundle: BundleManifest;
  readonly outDir: string;
  readonly files: number;
}

// What other artifacts are, to say so when one is pulled by mistake.
const KNOWN_CONFIGS: Record<string, string> = {
  "application/vnd.cncf.helm.config.v1+json": "a Helm chart",
  "application/vnd.cncf.flux.config.v1+json": "a Flux artifact (flux push artifact)",
  "application/vnd.oci.image.config.v1+json": "a container image",
  "application/vnd.docker.container.image.v1+json": "a container image",
};

function notBundle(shown: string, why: string): OciError {
  return new OciError(OCI.notBundle, `${shown} is not a tkc bundle: ${why}`, "pull an artifact that `tkc push` wrote; `skopeo inspect --raw` shows what the reference holds");
}

function parseManifest(bytes: Buffer, mediaType: string, shown: string): ImageManifest {
  let manifest: ImageManifest;
  try {
    manifest = JSON.parse(bytes.toString("utf8")) as ImageManifest;
  } catch {
    throw notBundle(shown, "its manifest is not JSON");
  }
  const type = manifest?.mediaType ?? mediaType;
  if (type !== MEDIA_TYPE.manifest) throw notBundle(shown, `its manifest is ${type || "of no media type"}, not an OCI image manifest`);
  const configType = manifest.config?.mediaType;
  if (configType !== MEDIA_TYPE.config) throw notBundle(shown, `its config is ${configType}${KNOWN_CONFIGS[configType] ? ` (${KNOWN_CONFIGS[configType]})` : ""}, not ${MEDIA_TYPE.config}`);
  if (!Array.isArray(manifest.layers) || manifest.layers.length !== 1 || manifest.layers[0]!.mediaType !== MEDIA_TYPE.layer) {
    throw notBundle(shown, `it must have exactly one ${MEDIA_TYPE.layer} layer`);
  }
  for (const descriptor of [manifest.config, manifest.layers[0]!]) {
    if (!/^sha256:[a-f0-9]{64}$/.test(String(descriptor.digest)) || !Number.isSafeInteger(descriptor.size) || descriptor.size < 0) throw notBundle(shown, "a descriptor has no valid sha256 digest and size");
  }
  return manifest;
}

/** Write the files to a temp directory beside `outDir`, then swap it in: a failed pull leaves `outDir` as it was. */
function writeAtomically(outDir: string, files: ReadonlyMap<string, Buffer>): void {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new OciError(OCI.badOutDir, `--out ${outDir} is a file`, "name a directory: it is created, or replaced if it holds a bundle");
    const entries = readdirSync(outDir);
    if (entries.length && !entries.includes(MANIFEST_FILE)) {
      throw new OciError(OCI.badOutDir, `--out ${outDir} is not empty and holds no bundle.json`, "pull into an empty or new directory, or into one holding an earlier bundle (it is replaced)");
    }
  }
  const parent = dirname(outDir);
  const temp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp);
    for (const [name, bytes] of files) {
      // checkBundleFiles admitted only bundle.json, kustomization.yaml and the object files (objects/NAME)
      if (name.includes("/")) mkdirSync(dirname(join(temp, name)), { recursive: true });
      writeFileSync(join(temp, name), bytes);
    }
    const hadOld = existsSync(outDir);
    if (hadOld) renameSync(outDir, old);
    try {
      renameSync(temp, outDir);
    } catch (failure) {
      if (hadOld) renameSync(old, outDir);
      throw failure;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (failure) {
    rmSync(temp, { recursive: true, force: true });
    throw new OciError(OCI.badOutDir, `cannot write ${outDir}: ${(failure as Error).message}`, "check that the directory and its parent are writable; nothing was changed");
  }
}

export async function pullBundle(request: PullRequest): Promise<PullResult> {
  const { reference } = request;
  const pointer = reference.digest ?? reference.tag;
  if (!pointer) throw new OciError(OCI.badReference, `pull needs a tag or a digest: ${formatReference(reference)}`, "write oci://HOST/REPOSITORY:TAG or oci://HOST/REPOSITORY@sha256:DIGEST");
  const shown = formatReference(reference);
  const client = new RegistryClient({ reference, plainHttp: request.plainHttp, credentials: request.credentials, retry: request.retry, log: request.log });
  await client.ping();
  const { bytes, digest, mediaType } = await client.getManifest(pointer);
  const manifest = parseManifest(bytes, mediaType, shown);
  const configBytes = await client.getBlob(manifest.config, 1024 * 1024);
  const layerBytes = await client.getBlob(manifest.layers[0]!, MAX_LAYER_BYTES);

  let files: Map<string, Buffer>;
  try {
    files = unpackLayer(layerBytes);
  } catch (failure) {
    if (failure instanceof TarError) throw notBundle(shown, `its layer ${failure.message}`);
    throw failure;
  }
  const { manifest: bundle, problems } = checkBundleFiles(files);
  const digestProblems = problems.filter((p) => p.kind === "digest");
  if (digestProblems.length) {
    throw new OciError(OCI.digestMismatch, `${shown}: the bundle's files do not match bundle.json:\n${digestProblems.map((p) => `- ${p.message}`).join("\n")}`, "the artifact was altered after tkc built it; nothing was written");
  }
  if (!bundle || problems.length) throw notBundle(shown, problems.map((p) => p.message).join("; "));
  let config: { digest?: unknown };
  try {
    config = JSON.parse(configBytes.toString("utf8"));
  } catch {
    throw notBundle(shown, "its config is not JSON");
  }
  if (config.digest !== bundle.digest) {
    throw new OciError(OCI.digestMismatch, `${shown}: the config names bundle digest ${String(config.digest)}, bundle.json has ${bundle.digest}`, "the artifact was assembled from different bundles; nothing was written");
  }
  const outDir = resolve(request.outDir);
  writeAtomically(outDir, files);
  return { digest, bundle, outDir, files: files.size };
}
