/**
 * Container image references (`[registry[:port]/]repository[:tag][@digest]`): whether one is
 * pinned, and whether the kubelet can parse it. The API server itself accepts any non-empty string.
 */
export interface ImagePin {
  readonly tag?: string;
  readonly digest?: string;
}

/** An image reference cut into its name (registry and repository), tag and digest. */
function splitImage(image: string): ImagePin & { readonly name: string } {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const lastColon = withoutDigest.lastIndexOf(":");
  // A colon before the last slash belongs to a registry port (registry:5000/app), not a tag.
  const tag = lastColon > lastSlash ? withoutDigest.slice(lastColon + 1) : undefined;
  const name = tag !== undefined ? withoutDigest.slice(0, lastColon) : withoutDigest;
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The tag and digest of an image reference, when it has them. */
export function imagePin(image: string): ImagePin {
  const { tag, digest } = splitImage(image);
  return { ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

// The grammar the kubelet parses an image with (distribution's reference, normalised as docker
// does): `[domain/]path[:tag][@digest]`. A reference outside it never runs: InvalidImageName.
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

/**
 * Why the kubelet cannot parse an image reference (its pods fail with InvalidImageName), or
 * undefined when it can. The empty tag (`nginx:`) is left to the caller, which says more about it.
 */
export function imageReferenceProblem(image: string): string | undefined {
  const { name, tag, digest } = splitImage(image);
  if (digest !== undefined && !DIGEST.test(digest)) return `its digest "${digest}" is not <algorithm>:<hex>`;
  if (tag === "") return undefined;
  if (tag !== undefined && !TAG.test(tag)) return `its tag "${tag}" is not up to 128 letters, digits, '_', '.' and '-' (not starting with '.' or '-')`;
  if (/^[a-f0-9]{64}$/.test(image)) return "it is a 64-character hexadecimal ID, not a name";
  const slash = name.indexOf("/");
  const first = slash >= 0 ? name.slice(0, slash) : "";
  // As docker normalises: the first part is a registry if it holds '.' or ':', is localhost, or
  // has capitals (which a path cannot); otherwise the image is on docker.io.
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase());
  if (hasDomain && !DOMAIN.test(first)) return `its registry "${first}" is not a host name with an optional port`;
  const path = hasDomain ? name.slice(slash + 1) : name;
  const bad = path.split("/").find((component) => !PATH_COMPONENT.test(component));
  if (bad !== undefined) {
    return bad !== bad.toLowerCase() && PATH_COMPONENT.test(bad.toLowerCase())
      ? `its repository "${path}" has capital letters, which image names cannot`
      : `its repository part "${bad}" is not lowercase letters and digits joined by '.', '_', '__' or dashes`;
  }
  // measured as normalised: nginx is docker.io/library/nginx
  const normalised = hasDomain ? name : `docker.io/${path.includes("/") ? "" : "library/"}${path}`;
  if (normalised.length > NAME_MAX) return `its name is ${normalised.length} characters long (as ${hasDomain ? "written" : "docker.io/..."}), over ${NAME_MAX}`;
  return undefined;
}
