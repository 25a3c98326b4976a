/**
 * Name and key syntaxes of k8s.io/apimachinery/pkg/util/validation. Each `...Problem` function
 * returns why a value is invalid (phrased to follow "is not valid: "), or undefined when it is valid.
 */

/** One DNS-1123 label, unanchored: for patterns that embed it (host names, `name@provider`). */
export const DNS1123_LABEL_SOURCE = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
/** Dot-separated DNS-1123 labels, unanchored and without the 253-character limit. */
export const DNS1123_SUBDOMAIN_SOURCE = `${DNS1123_LABEL_SOURCE}(\\.${DNS1123_LABEL_SOURCE})*`;
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_SOURCE}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_SOURCE}$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (!DNS1123_LABEL.test(value)) return "must be lowercase letters, digits and '-', starting and ending with a letter or digit";
  return undefined;
}

/** A DNS-1123 label of at most `maxLength` characters (63 unless a caller needs fewer). */
export function isDns1123Label(value: unknown, maxLength = 63): value is string {
  return typeof value === "string" && value.length <= maxLength && DNS1123_LABEL.test(value);
}

/** A DNS-1123 subdomain: the syntax of most object names. */
export function isDns1123Subdomain(value: unknown): value is string {
  return typeof value === "string" && dns1123SubdomainProblem(value) === undefined;
}

export function dns1035LabelProblem(value: string): string | undefined {
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (!DNS1035_LABEL.test(value)) return "must be lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
  return undefined;
}

export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return `must be at most 253 characters (it has ${value.length})`;
  if (!DNS1123_SUBDOMAIN.test(value)) return "must be lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit";
  return undefined;
}

/** RBAC objects may use any name that is a valid URL path segment (e.g. `system:controller`). */
export function pathSegmentNameProblem(value: string): string | undefined {
  if (value === "." || value === "..") return `may not be '${value}'`;
  if (/[/%]/.test(value)) return "may not contain '/' or '%'";
  return undefined;
}

/** Label and annotation keys: an optional DNS-subdomain prefix and '/', then a name of <= 63 characters. */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split("/");
  if (parts.length > 2) return "may contain at most one '/'";
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === "") return "has an empty prefix before '/'";
    const problem = dns1123SubdomainProblem(prefix);
    if (problem) return `has prefix "${prefix}" that ${problem}`;
  }
  if (name === "") return "has an empty name part";
  if (name.length > 63) return `has a name part of ${name.length} characters (at most 63)`;
  if (!QUALIFIED_NAME_PART.test(name)) return "has a name part that must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return undefined;
}

/** Label values: empty, or <= 63 characters of the qualified-name charset. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (value !== "" && !QUALIFIED_NAME_PART.test(value)) return "must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  return undefined;
}

/** Named ports (IANA_SVC_NAME, RFC 6335): <= 15 characters, lowercase alnum and '-', one letter at least. */
export function portNameProblem(value: string): string | undefined {
  if (value.length === 0) return "must not be empty";
  if (value.length > 15) return `must be at most 15 characters (it has ${value.length})`;
  if (!IANA_SVC_NAME.test(value)) return "must be lowercase letters, digits and '-'";
  if (value.includes("--")) return "must not contain '--'";
  if (value.startsWith("-") || value.endsWith("-")) return "must not start or end with '-'";
  if (!/[a-z]/.test(value)) return "must contain at least one letter";
  return undefined;
}

/** Environment variable names under the relaxed rule of Kubernetes 1.30+: printable ASCII except '='. */
export function envVarNameProblem(value: string): string | undefined {
  if (value.length === 0) return "must not be empty";
  if (!/^[\x20-\x7e]+$/.test(value)) return "must be printable ASCII characters";
  if (value.includes("=")) return "must not contain '='";
  return undefined;
}

/** ConfigMap and Secret keys. */
export function configKeyProblem(value: string): string | undefined {
  if (value.length === 0) return "must not be empty";
  if (value.length > 253) return `must be at most 253 characters (it has ${value.length})`;
  if (!CONFIG_KEY.test(value)) return "must be letters, digits, '-', '_' and '.'";
  if (value === "." || value === "..") return `may not be '${value}'`;
  if (value.startsWith("..")) return "must not start with '..'";
  return undefined;
}

export function isPortNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}
