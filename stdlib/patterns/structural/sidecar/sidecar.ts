import type { Container, ContainerPort, ResourceRequirements, VolumeMount } from "tkc/k8s";
import { resolve, resolveDeep, type PerEnvironment } from "../../../core/per-environment.js";
import { toEnvVars, type EnvVarValue } from "../../../core/env-vars.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { addHelperContainer, addVolume, helperFields, checkContainerName, helperSecurityContext, mountInApp } from "../../support/containers.js";
import { isDns1123Label } from "../../../../syntax/index.js";

/** A volume the sidecar shares with the app: an emptyDir unless the pod already has it. */
export interface SharedVolume {
  /** Volume name (a DNS-1123 label); an existing volume of the pod (e.g. from configFiles) is reused. */
  readonly name: string;
  /** Where the sidecar sees it. */
  readonly mountPath: string;
  /** Where the app sees it; `false` to not mount it in the app. @default mountPath */
  readonly appMountPath?: string | false;
  /** Mount it read-only in the sidecar. @default false */
  readonly readOnly?: boolean;
}

export interface SidecarOptions {
  /** Container name; unique in the pod. */
  readonly name: string;
  /** Image with an explicit tag or digest. */
  readonly image: PerEnvironment<string>;
  /** Overrides the image's ENTRYPOINT. @default the image's ENTRYPOINT */
  readonly command?: PerEnvironment<readonly string[]>;
  /** Overrides the image's CMD. @default the image's CMD */
  readonly args?: PerEnvironment<readonly string[]>;
  /** Environment variables of the sidecar (the app's are not inherited). @default none */
  readonly env?: Readonly<Record<string, PerEnvironment<EnvVarValue>>>;
  /** Ports the sidecar listens on. @default none */
  readonly ports?: readonly ContainerPort[];
  /** CPU and memory requests and limits of the sidecar. @default none */
  readonly resources?: PerEnvironment<ResourceRequirements>;
  /** Volumes shared with the app (the reason to be a sidecar rather than another Deployment). @default none */
  readonly volumes?: readonly SharedVolume[];
  /**
   * Run as a Kubernetes native sidecar: an init container with `restartPolicy: Always` (stable
   * since 1.29): it starts before the app and stays up until the app has stopped, and does not
   * keep Jobs from completing. `false` adds a plain second container. @default true
   */
  readonly native?: boolean;
  /** UID the sidecar runs as, under the restricted security context. @default 65534 (nobody) */
  readonly runAsUser?: number;
}

/** The `volumes` option's entries, each mistake at the entry's own property. */
export function checkSharedVolumes(volumes: readonly SharedVolume[], code: string, origin: SourceLocation | undefined, what: string): void {
  volumes.forEach((v, i) => {
    if (!isDns1123Label(v.name)) report.error(code, `${what}: volume name '${v.name}' is not a DNS-1123 label`, atProperty(origin, ["volumes", i, "name"]), { hint: "use lowercase letters, digits and '-', e.g. \"logs\"" });
    for (const key of ["mountPath", "appMountPath"] as const) {
      const path = v[key];
      if (typeof path === "string" && !path.startsWith("/")) report.error(code, `${what}: mount path '${path}' of volume '${v.name}' is not absolute`, atProperty(origin, ["volumes", i, key]), { hint: `write it as "/${path}"` });
    }
  });
}

/**
 * Create (or reuse) each shared volume and mount it in the app; returns the sidecar's mounts. The
 * app's mount points at the item's `appMountPath` (or `mountPath`) in the call at `origin`.
 */
export function shareVolumes(build: WorkloadBuild, volumes: readonly SharedVolume[], origin?: SourceLocation): VolumeMount[] {
  return volumes.map((v, i) => {
    addVolume(build, { name: v.name, emptyDir: {} });
    const appPath = v.appMountPath ?? v.mountPath;
    if (appPath !== false) mountInApp(build, { name: v.name, mountPath: appPath }, { origin, option: ["volumes", i, v.appMountPath !== undefined ? "appMountPath" : "mountPath"] });
    return compact({ name: v.name, mountPath: v.mountPath, readOnly: v.readOnly ? true : undefined }) as VolumeMount;
  });
}

/** Refuse a plain (non-native) helper container in a Job: the Job would never complete. */
export function checkNativeForJobs(build: WorkloadBuild, native: boolean, code: string, origin: SourceLocation | undefined, what: string): void {
  if (!native && (build.type === "job" || build.type === "cronJob")) {
    fail(code, `${what} with native: false in ${build.type} '${build.name}' keeps running after the job's work is done, so the Job never completes`, origin, "drop native: false: a native sidecar is stopped once the job's container has finished");
  }
}

/** A helper container in the app's pod, sharing volumes with it. */
export const sidecar = definePattern<SidecarOptions>({
  name: "sidecar",
  check(options, origin) {
    if (!isDns1123Label(options.name)) {
      report.error("TKC2454", `sidecar(): name '${String(options.name)}' is not a DNS-1123 label`, atProperty(origin, ["name"]), { hint: "use lowercase letters, digits and '-', e.g. \"cache-warmer\"" });
    }
    if (options.image === undefined || options.image === "") report.error("TKC2454", `sidecar '${options.name}' has no image`, atProperty(origin, ["image"]), { hint: "add image: \"registry.example.com/helper:1.2.3\"" });
    checkSharedVolumes(options.volumes ?? [], "TKC2455", origin, `sidecar '${options.name}'`);
  },
  apply(options, build, context, origin) {
    const environment = context.environment;
    const native = options.native ?? true;
    checkContainerName(build, options.name, "TKC2452", atProperty(origin, ["name"]));
    checkNativeForJobs(build, native, "TKC2453", origin, `sidecar '${options.name}'`);
    const envVars = Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, resolve(v, environment)]));
    const mounts = shareVolumes(build, options.volumes ?? [], origin);
    const container: Container = compact({
      name: options.name,
      image: resolve(options.image, environment),
      command: options.command ? [...resolve(options.command, environment)] : undefined,
      args: options.args ? [...resolve(options.args, environment)] : undefined,
      ports: options.ports && options.ports.length > 0 ? options.ports.map((p) => ({ ...p })) : undefined,
      env: Object.keys(envVars).length > 0 ? toEnvVars(envVars) : undefined,
      resources: options.resources ? resolveDeep(resolve(options.resources, environment), environment) : undefined,
      securityContext: helperSecurityContext(options.runAsUser),
      volumeMounts: mounts.length > 0 ? mounts : undefined,
    }) as Container;
    addHelperContainer(build, container, native, { origin, fields: [...helperFields(Object.keys(options.env ?? {})), [["volumeMounts"], ["volumes"]]] });
  },
});
