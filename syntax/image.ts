/**
 * Container image references (`[registry[:port]/]repository[:tag][@digest]`), split only as far as
 * deciding whether an image is pinned: the API server itself accepts any non-empty string.
 */
export interface ImagePin {
  readonly tag?: string;
  readonly digest?: string;
}

/** The tag and digest of an image reference, when it has them. */
export function imagePin(image: string): ImagePin {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const lastColon = withoutDigest.lastIndexOf(":");
  // A colon before the last slash belongs to a registry port (registry:5000/app), not a tag.
  const tag = lastColon > lastSlash ? withoutDigest.slice(lastColon + 1) : undefined;
  return { ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
