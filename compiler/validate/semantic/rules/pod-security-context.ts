import type { JsonPath } from "../../../model/path.js";
import { containersOf } from "../object-index.js";
import { asArray, asRecord, isInteger, type Json, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { POD_KINDS, type SemanticRule } from "./rule.js";

const MAX_ID = 2147483647;
/** Pod securityContext fields a Windows pod may not set (validateWindows). */
const NOT_ON_WINDOWS_POD = ["seLinuxOptions", "seccompProfile", "appArmorProfile", "fsGroup", "fsGroupChangePolicy", "sysctls", "runAsUser", "runAsGroup", "supplementalGroups", "supplementalGroupsPolicy"];
/** Container securityContext fields a Windows pod may not set. */
const NOT_ON_WINDOWS_CONTAINER = ["seLinuxOptions", "seccompProfile", "appArmorProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup"];

/** TKC3251-3254: user and group ids, privilege escalation, seccomp/AppArmor profiles, os.name. */
export const podSecurityContext: SemanticRule = {
  name: "pod-security-context",
  kinds: POD_KINDS,
  check(target, _bundle, report) {
    const template = target.podTemplate;
    if (!template) return;
    const os = asRecord(template.spec.os)?.name;
    const podPath = [...template.specPath, "securityContext"];
    const pod = asRecord(template.spec.securityContext);
    if (pod) {
      checkIds(pod, podPath, ["runAsUser", "runAsGroup", "fsGroup"], report);
      asArray(pod.supplementalGroups).forEach((id, i) => checkId(id, [...podPath, "supplementalGroups", i], report));
      checkProfiles(pod, podPath, report);
      checkOs(pod, podPath, os, NOT_ON_WINDOWS_POD, report);
    }
    for (const ref of containersOf(template)) {
      const context = asRecord(ref.container.securityContext);
      if (!context) continue;
      const path = [...ref.path, "securityContext"];
      checkIds(context, path, ["runAsUser", "runAsGroup"], report);
      checkProfiles(context, path, report);
      checkOs(context, path, os, NOT_ON_WINDOWS_CONTAINER, report);
      checkEscalation(context, path, show(ref.container.name), report);
    }
  },
};

/** Mirrors the IsValidUserID / IsValidGroupID checks of validatePodSpecSecurityContext and ValidateSecurityContext. */
function checkIds(context: Json, path: JsonPath, fields: readonly string[], report: Reporter): void {
  for (const field of fields) checkId(context[field], [...path, field], report);
}

function checkId(id: unknown, path: JsonPath, report: Reporter): void {
  if (!isInteger(id) || (id >= 0 && id <= MAX_ID)) return;
  const field = String(typeof path[path.length - 1] === "number" ? path[path.length - 2] : path[path.length - 1]);
  report.error("TKC3251", path, `${field} ${id} is not a valid id: it must be between 0 and ${MAX_ID}`, "use a non-negative user or group id, e.g. 1000");
}

/** Mirrors validateSeccompProfileField and validateAppArmorProfileField: Localhost needs a profile, and only Localhost takes one. */
function checkProfiles(context: Json, path: JsonPath, report: Reporter): void {
  for (const field of ["seccompProfile", "appArmorProfile"]) {
    const profile = asRecord(context[field]);
    if (!profile) continue;
    const localhost = profile.localhostProfile;
    const has = typeof localhost === "string" && localhost !== "";
    if (profile.type === "Localhost" && !has) {
      report.error("TKC3253", [...path, field, "localhostProfile"], `${field} type Localhost needs localhostProfile, the profile's name on the node`, "set localhostProfile, or use type RuntimeDefault");
    } else if (profile.type !== "Localhost" && localhost !== undefined && localhost !== null) {
      report.error("TKC3253", [...path, field, "localhostProfile"], `${field}.localhostProfile may only be set with type Localhost (the type is ${show(profile.type)})`, "set type: Localhost, or remove localhostProfile");
    }
  }
}

/** Mirrors validateLinux and validateWindows (pod os.name decides which OS-specific settings are allowed). */
function checkOs(context: Json, path: JsonPath, os: unknown, notOnWindows: readonly string[], report: Reporter): void {
  if (os === "linux" && context.windowsOptions !== undefined && context.windowsOptions !== null) {
    report.error("TKC3254", [...path, "windowsOptions"], "windowsOptions may not be set on a pod whose os.name is linux", "remove windowsOptions, or set spec.os.name to windows");
  }
  if (os !== "windows") return;
  for (const field of notOnWindows) {
    if (context[field] === undefined || context[field] === null) continue;
    report.error("TKC3254", [...path, field], `${field} may not be set on a pod whose os.name is windows`, `remove ${field}, or set spec.os.name to linux`);
  }
}

/** Mirrors the allowPrivilegeEscalation checks of ValidateSecurityContext. */
function checkEscalation(context: Json, path: JsonPath, container: string, report: Reporter): void {
  if (context.allowPrivilegeEscalation !== false) return;
  if (context.privileged === true) {
    report.error("TKC3252", [...path, "allowPrivilegeEscalation"], `container ${container} is privileged but sets allowPrivilegeEscalation: false; a privileged container always can escalate`, "drop privileged, or remove allowPrivilegeEscalation: false");
  }
  if (asArray(asRecord(context.capabilities)?.add).includes("CAP_SYS_ADMIN")) {
    report.error("TKC3252", [...path, "allowPrivilegeEscalation"], `container ${container} adds CAP_SYS_ADMIN but sets allowPrivilegeEscalation: false; CAP_SYS_ADMIN allows escalation`, "drop CAP_SYS_ADMIN, or remove allowPrivilegeEscalation: false");
  }
}
