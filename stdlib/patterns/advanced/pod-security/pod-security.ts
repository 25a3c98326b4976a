import { fail } from "../../../core/errors.js";
import { captureOrigin } from "../../../core/origin.js";

/** A Pod Security Standards level. */
export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

export interface PodSecurityOptions {
  /** Level that only warns (kubectl prints a warning) and audits, e.g. to try `restricted` before enforcing it. @default the enforced level */
  readonly warn?: PodSecurityLevel;
  /** Policy version, e.g. "v1.33", so a cluster upgrade cannot tighten the rules under you. @default "latest" */
  readonly version?: string;
}

const LEVELS: readonly string[] = ["privileged", "baseline", "restricted"];
const VERSION = /^(latest|v1\.(0|[1-9]\d*))$/;

/**
 * Pod Security Admission labels for a namespace, for `namespaceLabels` of an environment:
 * `pod-security.kubernetes.io/{enforce,audit,warn}` and their `-version` labels.
 */
export function podSecurity(level: PodSecurityLevel, options: PodSecurityOptions = {}): Readonly<Record<string, string>> {
  const origin = captureOrigin();
  const warn = options.warn ?? level;
  for (const value of [level, warn]) {
    if (!LEVELS.includes(value)) {
      fail("TKC2695", `podSecurity() level '${value}' is not a Pod Security Standards level`, origin, "use \"restricted\", \"baseline\" or \"privileged\"");
    }
  }
  const version = options.version ?? "latest";
  if (!VERSION.test(version)) {
    fail("TKC2696", `podSecurity() version '${version}' is neither "latest" nor a Kubernetes minor version like "v1.33"`, origin, "use \"latest\" or \"v1.33\"");
  }
  if (LEVELS.indexOf(warn) < LEVELS.indexOf(level)) {
    fail("TKC2695", `podSecurity() warns at '${warn}', which is looser than the enforced '${level}', so it would never warn`, origin, `warn at '${level}' or stricter`);
  }
  return {
    "pod-security.kubernetes.io/enforce": level,
    "pod-security.kubernetes.io/enforce-version": version,
    "pod-security.kubernetes.io/audit": warn,
    "pod-security.kubernetes.io/audit-version": version,
    "pod-security.kubernetes.io/warn": warn,
    "pod-security.kubernetes.io/warn-version": version,
  };
}
