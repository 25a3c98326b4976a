/** Diagnostic codes of the YAML reader (`tkc validate`); each has a page in docs/errors/. */
export const YamlCode = {
  /** Malformed YAML. */
  syntax: "TKC1101",
  /** The same key twice in one mapping (a warning: kubectl keeps the last value). */
  duplicateKey: "TKC1102",
  /** Alias expansion over budget ("billion laughs"). */
  aliasBomb: "TKC1103",
  /** Anchors/aliases used (allowed; noted because the expansion is invisible in the output). */
  aliasUsed: "TKC1104",
  /** A document that is not a Kubernetes object. */
  notAnObject: "TKC1105",
  /** A Kubernetes object without `metadata.name`. */
  noName: "TKC1106",
  /** File over the size limit. */
  fileTooLarge: "TKC1107",
  /** A plain scalar that YAML 1.1 readers (kubectl) read differently from YAML 1.2. */
  yaml11Ambiguity: "TKC1108",
  /** Other warnings of the YAML parser (unknown tags, ...). */
  yamlWarning: "TKC1109",
  /** YAML that strict YAML 1.2 refuses but kubectl's reader accepts (e.g. `\\'` in double quotes): read, with a warning. */
  lenientYaml: "TKC1110",
  /** An input that is not a regular file (a device, a FIFO) or cannot be read. */
  unreadable: "TKC1111",
  /** The run's document limit was reached. */
  tooManyDocuments: "TKC1112",
  /** One YAML document larger than the API server's request limit. */
  documentTooLarge: "TKC1114",
  /** No Kubernetes object in any input. */
  noObjects: "TKC1113",
} as const;
