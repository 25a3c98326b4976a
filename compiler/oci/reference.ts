import { OCI, OciError } from "./errors.js";

/** `oci://HOST[:PORT]/REPO[:TAG][@sha256:HEX]`, as Flux, Argo CD and Helm write it. */
export interface OciReference {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

// The distribution spec's grammar: lower-case path components joined by `/`; tags of up to 128
// word characters, dots and dashes; sha256 digests in lower-case hex.
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
export const DIGEST = /^sha256:[a-f0-9]{64}$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;

export function parseReference(text: string): OciReference {
  const bad = (why: string) =>
    new OciError(OCI.badReference, `'${text}' is not an OCI reference: ${why}`, "write oci://HOST/REPOSITORY:TAG or oci://HOST/REPOSITORY@sha256:DIGEST, e.g. oci://ghcr.io/acme/shop-prod:2.4.0");
  if (!text.startsWith("oci://")) throw bad("it must start with oci://");
  let rest = text.slice("oci://".length);
  const slash = rest.indexOf("/");
  if (slash <= 0) throw bad("a registry host and a repository are required");
  const registry = rest.slice(0, slash);
  if (!HOST.test(registry)) throw bad(`'${registry}' is not a registry host`);
  rest = rest.slice(slash + 1);
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad(`'${digest}' is not a sha256 digest (sha256: and 64 lower-case hex digits)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`'${tag}' is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
  }
  if (!REPOSITORY.test(rest)) throw bad(`'${rest}' is not a valid repository name (lower-case letters, digits and . _ - separators, components joined by /)`);
  return { registry, repository: rest, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The reference as oci://..., with the given tag or digest in place of the parsed one. */
export function formatReference(ref: OciReference, pointer: { tag?: string; digest?: string } = ref): string {
  const base = `oci://${ref.registry}/${ref.repository}`;
  if (pointer.digest) return `${base}@${pointer.digest}`;
  return pointer.tag ? `${base}:${pointer.tag}` : base;
}

// Docker Hub is written docker.io, served by registry-1.docker.io, and logged in to as
// https://index.docker.io/v1/ in config.json.
const DOCKER_HUB = ["docker.io", "index.docker.io", "registry-1.docker.io"];

/** The host that answers the registry API for a reference's registry. */
export function apiHost(registry: string): string {
  return DOCKER_HUB.includes(registry.toLowerCase()) ? "registry-1.docker.io" : registry;
}

/** Whether a config.json auths host is the registry's. */
export function sameRegistry(authHost: string, registry: string): boolean {
  const a = authHost.toLowerCase();
  const b = registry.toLowerCase();
  return a === b || (DOCKER_HUB.includes(a) && DOCKER_HUB.includes(b));
}
