import { error, type Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * A push or pull that cannot go on: a registry answer, a credential, a digest or an artifact that
 * is not what tkc expects. Thrown inside compiler/oci and turned into a diagnostic by the command,
 * as HistoryError is for release histories.
 */
export class OciError extends Error {
  constructor(readonly code: OciCode, message: string, readonly hint: string) {
    super(message);
  }
}

/** The codes of docs/errors/TKC61nn.md. */
export const OCI = {
  badReference: "TKC6101",
  unreachable: "TKC6102",
  unauthorized: "TKC6103",
  forbidden: "TKC6104",
  notFound: "TKC6105",
  digestMismatch: "TKC6106",
  notOci: "TKC6107",
  notBundle: "TKC6108",
  badBundleDir: "TKC6109",
  registryError: "TKC6110",
  badCredentials: "TKC6111",
  badOutDir: "TKC6112",
} as const;
export type OciCode = (typeof OCI)[keyof typeof OCI];

export function ociDiagnostic(failure: OciError): Diagnostic {
  return error(failure.code, failure.message, { hint: failure.hint });
}
