/**
 * A semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH, an optional pre-release and build
 * metadata, no leading zeros. Release versions are these (docs/dsl.md), and Helm's chart versions.
 */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isSemanticVersion(value: unknown): value is string {
  return typeof value === "string" && SEMVER.test(value);
}
