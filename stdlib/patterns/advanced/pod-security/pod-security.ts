import { atArgument, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { failedValue, report } from "../../../core/report.js";
import { shownText } from "../../../core/shown.js";

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
 * `pod-security.kubernetes.io/{enforce,audit,warn}` and their `-version` labels. Every mistake
 * is reported; the labels are then a failed value (and the release is not built).
 */
export function podSecurity(level: PodSecurityLevel, options: PodSecurityOptions = {}): Readonly<Record<string, string>> {
  const origin = captureOrigin();
  let usable = true;
  // Each mistake at the argument or option that holds it: podSecurity(level, { warn, version }).
  const bad = (code: string, message: string, hint: string, at: SourceLocation | undefined) => {
    report.error(code, message, at, { hint });
    usable = false;
  };
  const warn = options?.warn ?? level;
  const levels = level === warn ? [level] : [level, warn];
  for (const value of levels) {
    const at = value === level ? atArgument(origin, 0) : atArgument(origin, 1, ["warn"]);
    if (!LEVELS.includes(value)) bad("TKC2695", `podSecurity() level '${shownText(value)}' is not a Pod Security Standards level`, "use \"restricted\", \"baseline\" or \"privileged\"", at);
  }
  const version = options?.version ?? "latest";
  if (typeof version !== "string" || !VERSION.test(version)) {
    bad("TKC2696", `podSecurity() version '${shownText(version)}' is neither "latest" nor a Kubernetes minor version like "v1.33"`, "use \"latest\" or \"v1.33\"", atArgument(origin, 1, ["version"]));
  }
  if (levels.every((value) => LEVELS.includes(value)) && LEVELS.indexOf(warn) < LEVELS.indexOf(level)) {
    bad("TKC2695", `podSecurity() warns at '${warn}', which is looser than the enforced '${level}', so it would never warn`, `warn at '${level}' or stricter`, atArgument(origin, 1, ["warn"]));
  }
  const labels = {
    "pod-security.kubernetes.io/enforce": level,
    "pod-security.kubernetes.io/enforce-version": version,
    "pod-security.kubernetes.io/audit": warn,
    "pod-security.kubernetes.io/audit-version": version,
    "pod-security.kubernetes.io/warn": warn,
    "pod-security.kubernetes.io/warn-version": version,
  };
  return usable ? labels : failedValue(labels);
}
