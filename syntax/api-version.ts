/**
 * The API group of an apiVersion, as the API server splits `group/version`: "" for the core
 * group (`v1`), and for anything that is not a string, so callers can pass an unchecked field.
 */
export function apiGroup(apiVersion: unknown): string {
  if (typeof apiVersion !== "string") return "";
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
