import type { PodSecurityContext, SecurityContext } from "tkc/k8s";

/**
 * `restricted`: the Pod Security Standards "restricted" profile (non-root, no privilege escalation,
 * read-only root filesystem, all capabilities dropped, RuntimeDefault seccomp). `none`: emit no
 * security context, for images that must run as root (say why in a comment where you use it).
 */
export type SecurityProfile = "restricted" | "none";

export function podSecurityContext(profile: SecurityProfile): PodSecurityContext | undefined {
  if (profile === "none") return undefined;
  return { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } };
}

export function containerSecurityContext(profile: SecurityProfile): SecurityContext | undefined {
  if (profile === "none") return undefined;
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
  };
}
