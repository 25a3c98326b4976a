import type { Volume, VolumeMount } from "tkc/k8s";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { definePattern } from "../../../core/pattern.js";
import { atProperty } from "../../../core/origin.js";
import { isDns1123Label } from "../../../../syntax/index.js";

/** A directory of the node, mounted into the main container. */
export interface HostPathMount {
  /** Volume name; a DNS-1123 label. */
  readonly name: string;
  /** Path on the node, e.g. `/var/log`. */
  readonly hostPath: string;
  /** Path in the container. @default hostPath */
  readonly mountPath?: string;
  /** @default true: node directories are read, rarely written */
  readonly readOnly?: boolean;
  /** What must be at hostPath: `Directory` fails the pod when it is missing. @default "Directory" */
  readonly type?: "Directory" | "DirectoryOrCreate" | "File" | "FileOrCreate" | "Socket";
}

/**
 * Node directories in the main container (log collectors, node agents). hostPath volumes are
 * forbidden by the baseline and restricted Pod Security Standards: such a workload needs
 * `security: "none"` and a namespace that allows privileged pods.
 */
export const hostPathVolumes = definePattern<readonly HostPathMount[]>({
  name: "host-path-volumes",
  check(mounts, origin) {
    if (mounts.length === 0) fail("TKC2270", "hostPathVolumes() lists no paths", origin, "add { name: \"varlog\", hostPath: \"/var/log\" }");
    const names = new Set<string>();
    mounts.forEach((m, i) => {
      if (!isDns1123Label(m.name)) report.error("TKC2270", `hostPathVolumes[${i}] name '${m.name}' is not a DNS-1123 label`, atProperty(origin, [i, "name"]), { hint: "use lowercase letters, digits and '-'" });
      if (names.has(m.name)) report.error("TKC2270", `hostPathVolumes lists the volume '${m.name}' twice`, atProperty(origin, [i, "name"]), { hint: "give each path its own name" });
      names.add(m.name);
      // An unset mountPath is the hostPath: its mistake is reported once, at the hostPath.
      const paths = m.mountPath === undefined ? [["hostPath", m.hostPath] as const] : [["hostPath", m.hostPath] as const, ["mountPath", m.mountPath] as const];
      for (const [what, path] of paths) {
        if (!path.startsWith("/") || path.split("/").includes("..")) report.error("TKC2270", `hostPathVolumes[${i}] ${what} '${path}' is not an absolute path without '..'`, atProperty(origin, [i, what]), { hint: "write an absolute path such as /var/log" });
      }
    });
  },
  apply(mounts, build, _context, origin) {
    if (build.pod.securityContext?.runAsNonRoot) {
      fail("TKC2270", `${build.type} '${build.name}' mounts host paths under the restricted security profile, which forbids hostPath volumes`, origin, "set security: \"none\" on the workload (and say in a comment why it needs the node's files)");
    }
    const volumes: Volume[] = mounts.map((m) => ({ name: m.name, hostPath: { path: m.hostPath, type: m.type ?? "Directory" } }));
    const volumeMounts: VolumeMount[] = mounts.map((m) => ({ name: m.name, mountPath: m.mountPath ?? m.hostPath, readOnly: m.readOnly ?? true }));
    build.pod = { ...build.pod, volumes: [...(build.pod.volumes ?? []), ...volumes] };
    build.container = { ...build.container, volumeMounts: [...(build.container.volumeMounts ?? []), ...volumeMounts] };
  },
});
