/** Diagnostic codes of the CRD importer (`tkc import crd`, project CRD schemas); each has a page in docs/errors/. */
export const CrdCode = {
  /** The CRD file is not valid YAML. */
  notYaml: "TKC3010",
  /** A document of the file is not an apiextensions.k8s.io/v1 CustomResourceDefinition. */
  notACrd: "TKC3011",
  /** The file holds no CustomResourceDefinition at all. */
  noCrd: "TKC3012",
  /** A CRD whose versions are all `served: false`. */
  noServedVersion: "TKC3013",
  /** A served version without `schema.openAPIV3Schema`. */
  noSchema: "TKC3014",
  /** A CRD whose spec lacks group, names.kind, names.plural, scope or versions. */
  malformedCrd: "TKC3015",
  /** A schema rule tkc cannot check (a regular expression JavaScript cannot compile): warning. */
  uncheckedRule: "TKC3016",
  /** An imported CRD schema file of the project cannot be used (unreadable, not from tkc import crd, or a duplicate kind). */
  badSchemaFile: "TKC3017",
} as const;
