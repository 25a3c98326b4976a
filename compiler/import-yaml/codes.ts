/** Diagnostic codes of `tkc import yaml`; each has a page in docs/errors/. */
export const ImportCode = {
  /** The inputs hold no Kubernetes object. */
  noObjects: "TKC1201",
  /** The release or environment name is not a valid name. */
  badName: "TKC1202",
  /** A Secret with values was left out (without --include-secrets). */
  secretLeftOut: "TKC1203",
  /** The output folder already holds files. */
  outputNotEmpty: "TKC1204",
  /** The inputs define the same object more than once. */
  duplicateObjects: "TKC1205",
} as const;
