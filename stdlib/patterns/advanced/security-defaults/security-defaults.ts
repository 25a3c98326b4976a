import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { definePattern } from "../../../core/pattern.js";
import { atProperty } from "../../../core/origin.js";

export interface RelaxSecurityOptions {
  /** Why the workload needs the exception; recorded in the `tkc.dev/security-exception` annotation. */
  readonly reason: string;
  /** Make the root filesystem writable. Prefer the workload's `writablePaths` (emptyDirs at given paths). @default false */
  readonly writableRootFilesystem?: boolean;
  /** Linux capabilities to add back after dropping ALL. Only NET_BIND_SERVICE is allowed by the `restricted` level. @default none */
  readonly addCapabilities?: readonly string[];
  /** Run as this user id (non-zero unless `runAsRoot`). @default the image's user */
  readonly runAsUser?: number;
  /** Allow the image to run as root (not allowed by the `restricted` level). @default false */
  readonly runAsRoot?: boolean;
}

/**
 * Loosen single fields of the `restricted` security profile that workloads get by default,
 * leaving the rest in place, and record why on the workload object.
 */
export const relaxSecurity = definePattern<RelaxSecurityOptions>({
  name: "relax-security",
  check(options, origin) {
    if (typeof options.reason !== "string" || options.reason.trim() === "") {
      report.error("TKC2690", "relaxSecurity() needs a reason: security exceptions are reviewed, and the reason is recorded on the workload", atProperty(origin, ["reason"]), { hint: "add reason: \"nginx binds port 80\"" });
    }
    const anything = options.writableRootFilesystem || options.runAsRoot || options.runAsUser !== undefined || (options.addCapabilities?.length ?? 0) > 0;
    if (!anything) {
      report.error("TKC2691", "relaxSecurity() relaxes nothing", origin, { hint: "set writableRootFilesystem, addCapabilities, runAsUser or runAsRoot" });
    }
    if (options.runAsUser !== undefined && (!Number.isInteger(options.runAsUser) || options.runAsUser < 0)) {
      report.error("TKC2692", `relaxSecurity() runAsUser must be a user id >= 0 (got ${options.runAsUser})`, atProperty(origin, ["runAsUser"]), { hint: "e.g. runAsUser: 101" });
    }
    if (options.runAsUser === 0 && !options.runAsRoot) {
      report.error("TKC2692", "relaxSecurity() runAsUser: 0 is root, which runAsNonRoot forbids", atProperty(origin, ["runAsUser"]), { hint: "add runAsRoot: true if the image truly needs root, or use a non-zero user id" });
    }
    for (const [index, capability] of (options.addCapabilities ?? []).entries()) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(capability) || capability.startsWith("CAP_")) {
        report.error("TKC2693", `relaxSecurity() capability '${capability}' is not a capability name as Kubernetes spells it`, atProperty(origin, ["addCapabilities", index]), { hint: "drop the CAP_ prefix and use upper case, e.g. \"NET_BIND_SERVICE\"" });
      }
    }
  },
  apply(options, build, _context, origin) {
    const container = build.container.securityContext;
    if (!container) {
      fail("TKC2694", `relaxSecurity() has nothing to relax: workload '${build.name}' uses security: "none"`, origin, "drop relaxSecurity(), or drop security: \"none\" to keep the rest of the restricted profile");
    }
    const relaxed = { ...container };
    if (options.writableRootFilesystem) relaxed.readOnlyRootFilesystem = false;
    if (options.addCapabilities?.length) relaxed.capabilities = { ...relaxed.capabilities, add: [...options.addCapabilities] };
    build.container.securityContext = relaxed;
    if (options.runAsUser !== undefined || options.runAsRoot) {
      const pod = { ...build.pod.securityContext };
      if (options.runAsUser !== undefined) pod.runAsUser = options.runAsUser;
      if (options.runAsRoot) pod.runAsNonRoot = false;
      build.pod = { ...build.pod, securityContext: pod };
    }
    build.workloadAnnotations["tkc.dev/security-exception"] = options.reason.trim();
  },
});
