/** Diagnostic codes of `tkc diff` (TKC4100-TKC4199); each has a page under docs/errors/. */
export const DiffCode = {
  /** The bundle directory does not exist. */
  bundleNotFound: "TKC4101",
  /** The directory has no bundle.json. */
  notABundle: "TKC4102",
  /** bundle.json is not valid JSON or not a tkc bundle manifest. */
  corruptManifest: "TKC4103",
  /** An object file named in bundle.json is missing or does not parse. */
  objectUnreadable: "TKC4104",
  /** An object's bytes no longer match its sha256 in bundle.json (edited after the build): an error. */
  objectModified: "TKC4105",
  /** A file of the bundle is a symbolic link. */
  linkedFile: "TKC4106",
  /** The release history has no such revision. */
  revisionNotFound: "TKC4110",
  /** `--base`: not inside a git repository, or git failed. */
  gitUnavailable: "TKC4120",
  /** `--base`: the ref does not name a commit. */
  gitRefNotFound: "TKC4121",
  /** `--base`: the project does not build at the base ref. */
  baseBuildFailed: "TKC4122",
} as const;
