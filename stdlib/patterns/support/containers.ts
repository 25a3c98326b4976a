import type { Container, EnvVar, SecurityContext, Volume, VolumeMount } from "tkc/k8s";
import { fail } from "../../core/errors.js";
import type { SourceLocation } from "../../core/origin.js";
import type { SetBy, WorkloadBuild } from "../../core/pattern.js";

/**
 * Images the structural patterns use by default, pinned to a release (never `:latest`), so a
 * bundle built today and next year is the same. Override with each pattern's `image` option.
 */
export const PINNED_IMAGES = {
  busybox: "busybox:1.37.0",
  fluentBit: "fluent/fluent-bit:3.2.10",
  envoy: "envoyproxy/envoy:distroless-v1.33.2",
} as const;

/** UID of `nobody`: helper images that default to root run as it, so `runAsNonRoot` pods admit them. */
export const NOBODY = 65534;

/**
 * The restricted container security context for a helper container. `runAsUser` is explicit
 * because images such as busybox default to root, which a `runAsNonRoot` pod refuses to start.
 */
export function helperSecurityContext(runAsUser: number = NOBODY): SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser,
    capabilities: { drop: ["ALL"] },
  };
}

/** Every container of the pod being built: init, main and the other app containers. */
export function allContainers(build: WorkloadBuild): Container[] {
  return [...(build.pod.initContainers ?? []), build.container, ...build.pod.containers.filter((c) => c !== build.container)];
}

/** Refuse a helper container whose name another container of the pod already uses. */
export function checkContainerName(build: WorkloadBuild, name: string, code: string, origin: SourceLocation | undefined): void {
  if (allContainers(build).some((c) => c.name === name)) {
    fail(code, `workload '${build.name}' already has a container named '${name}'`, origin, "give this container another name with the 'name' option");
  }
}

/**
 * Add a helper container beside the app. `native`: a Kubernetes sidecar (an init container with
 * `restartPolicy: Always`, stable since 1.29): it starts before the app, stops after it and does
 * not keep a Job from completing. Otherwise a plain second container.
 */
export function addHelperContainer(build: WorkloadBuild, container: Container, native: boolean, set: SetBy): void {
  build.addContainer(native ? { ...container, restartPolicy: "Always" } : container, { ...set, init: native });
}

/** How the usual options of a helper container's call map onto it (`image` -> `image`...). */
export function helperFields(envVarNames: readonly string[] = []): NonNullable<SetBy["fields"]> {
  return [
    [["name"], ["name"]],
    [["image"], ["image"]],
    [["command"], ["command"]],
    [["args"], ["args"]],
    [["env"], ["env"]],
    ...envVarNames.map((key, index) => [["env", index], ["env", key]] as const),
    [["ports"], ["ports"]],
    [["resources"], ["resources"]],
  ];
}

/** Add a volume to the pod unless one with that name exists; returns false when it existed. */
export function addVolume(build: WorkloadBuild, volume: Volume): boolean {
  if ((build.pod.volumes ?? []).some((v) => v.name === volume.name)) return false;
  build.pod.volumes = [...(build.pod.volumes ?? []), volume];
  return true;
}

/**
 * Mount a volume into the main container (unless it already mounts it at that path). `set`: the
 * pattern's call and the option the mount path comes from, so that a mistake in the mount points
 * at that option, not only at the call.
 */
export function mountInApp(build: WorkloadBuild, mount: VolumeMount, set?: { readonly origin: SourceLocation | undefined; readonly option: readonly (string | number)[] }): void {
  const mounts = build.container.volumeMounts ?? [];
  if (mounts.some((m) => m.name === mount.name && m.mountPath === mount.mountPath)) return;
  build.container.volumeMounts = [...mounts, mount];
  // The main container comes first in the template (pod.ts templateView).
  if (set) build.recordOrigin({ path: ["spec", "containers", 0, "volumeMounts", mounts.length] }, { origin: set.origin, fields: [[["mountPath"], set.option]] });
}

/** Add env vars to the main container, refusing a name it already sets. */
export function addAppEnvVars(build: WorkloadBuild, vars: readonly EnvVar[], code: string, origin: SourceLocation | undefined, what: string): void {
  const existing = build.container.env ?? [];
  for (const v of vars) {
    if (existing.some((e) => e.name === v.name)) {
      fail(code, `${what} sets env var ${v.name}, which workload '${build.name}' already sets`, origin, `rename one of them, or drop ${v.name} from the workload's env`);
    }
  }
  build.container.env = [...existing, ...vars];
}

/** A DNS-1123 label made from free text (container and volume names). */
export function toLabel(text: string, max = 63): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "").slice(0, max).replace(/-+$/, "") || "x";
}

