import type { DownwardAPIVolumeFile, EnvVar, EnvVarSource } from "tkc/k8s";
import { atProperty } from "../../../core/origin.js";
import { report } from "../../../core/report.js";
import { definePattern } from "../../../core/pattern.js";
import { addAppEnvVars, addVolume, mountInApp } from "../../support/containers.js";

/** What a pod can learn about itself. */
export type PodField =
  | "podName" | "namespace" | "podIP" | "hostIP" | "nodeName" | "serviceAccount" | "podUID"
  | "cpuRequest" | "cpuLimit" | "memoryRequest" | "memoryLimit";

/** Env var name each field gets when `env` is a list. */
export const DEFAULT_ENV_NAMES: Readonly<Record<PodField, string>> = {
  podName: "POD_NAME",
  namespace: "POD_NAMESPACE",
  podIP: "POD_IP",
  hostIP: "HOST_IP",
  nodeName: "NODE_NAME",
  serviceAccount: "POD_SERVICE_ACCOUNT",
  podUID: "POD_UID",
  cpuRequest: "CPU_REQUEST_MILLICORES",
  cpuLimit: "CPU_LIMIT_MILLICORES",
  memoryRequest: "MEMORY_REQUEST_BYTES",
  memoryLimit: "MEMORY_LIMIT_BYTES",
};

const FIELD_PATHS: Partial<Record<PodField, string>> = {
  podName: "metadata.name",
  namespace: "metadata.namespace",
  podIP: "status.podIP",
  hostIP: "status.hostIP",
  nodeName: "spec.nodeName",
  serviceAccount: "spec.serviceAccountName",
  podUID: "metadata.uid",
};

/** Fields the kubelet resolves only for env vars (downwardAPI volumes take metadata and resources). */
const ENV_ONLY: readonly PodField[] = ["podIP", "hostIP", "nodeName", "serviceAccount"];

/** CPU in millicores (`divisor: 1m`), memory in bytes: whole numbers an app can parse. */
const RESOURCES: Partial<Record<PodField, { resource: string; divisor: string }>> = {
  cpuRequest: { resource: "requests.cpu", divisor: "1m" },
  cpuLimit: { resource: "limits.cpu", divisor: "1m" },
  memoryRequest: { resource: "requests.memory", divisor: "1" },
  memoryLimit: { resource: "limits.memory", divisor: "1" },
};

export interface DownwardApiOptions {
  /**
   * Pod fields as env vars of the app: a list uses the default names (`POD_NAME`, `POD_NAMESPACE`,
   * `POD_IP`, `NODE_NAME`, `CPU_LIMIT_MILLICORES`, ...), a record chooses them:
   * `{ MY_POD: "podName" }`. @default none
   */
  readonly env?: readonly PodField[] | Readonly<Record<string, PodField>>;
  /**
   * Pod metadata as files, in a downwardAPI volume: `labels` and `annotations` (files that the
   * kubelet keeps up to date when they change), plus any single fields. @default none
   */
  readonly files?: {
    /** Directory the files appear in. @default "/etc/podinfo" */
    readonly mountPath?: string;
    /** Write the pod's labels to `<mountPath>/labels`. @default true */
    readonly labels?: boolean;
    /** Write the pod's annotations to `<mountPath>/annotations`. @default true */
    readonly annotations?: boolean;
    /** More fields as files named after the field: podName, namespace, podUID and the resources. @default none */
    readonly fields?: readonly PodField[];
  };
}

function envEntries(env: DownwardApiOptions["env"]): [string, PodField][] {
  if (env === undefined) return [];
  if (Array.isArray(env)) return env.map((field) => [DEFAULT_ENV_NAMES[field as PodField], field as PodField]);
  return Object.entries(env as Readonly<Record<string, PodField>>);
}

function source(field: PodField, containerName: string | undefined): EnvVarSource {
  const fieldPath = FIELD_PATHS[field];
  if (fieldPath) return { fieldRef: { fieldPath } };
  const r = RESOURCES[field]!;
  return { resourceFieldRef: { resource: r.resource, divisor: r.divisor, ...(containerName ? { containerName } : {}) } };
}

/**
 * Self-awareness: the downward API gives the app its pod name, namespace, IP, node, service
 * account and resource requests/limits as env vars, and its labels and annotations as files.
 */
export const downwardApi = definePattern<DownwardApiOptions>({
  name: "downward-api",
  check(options, origin) {
    const known = Object.keys(DEFAULT_ENV_NAMES);
    // each field at its place in the options: an item of env (a list), a key of env (a record), an item of files.fields
    const envAt = (i: number, name: string) => atProperty(origin, ["env", Array.isArray(options.env) ? i : name]);
    const fields = [...envEntries(options.env).map(([name, f], i) => [f, envAt(i, name)] as const), ...(options.files?.fields ?? []).map((f, i) => [f, atProperty(origin, ["files", "fields", i])] as const)];
    for (const [field, at] of fields) {
      if (!known.includes(field)) report.error("TKC2420", `downwardApi(): unknown pod field '${field}'`, at, { hint: `use one of: ${known.join(", ")}` });
    }
    if (options.env === undefined && options.files === undefined) report.error("TKC2420", "downwardApi() needs env, files or both", origin, { hint: "e.g. downwardApi({ env: [\"podName\", \"namespace\"] })" });
    const mountPath = options.files?.mountPath ?? "/etc/podinfo";
    if (!mountPath.startsWith("/") || mountPath === "/") report.error("TKC2421", `downwardApi(): mountPath '${mountPath}' must be an absolute directory other than /`, options.files?.mountPath === undefined ? origin : atProperty(origin, ["files", "mountPath"]), { hint: "e.g. mountPath: \"/etc/podinfo\"" });
    for (const [i, field] of (options.files?.fields ?? []).entries()) {
      if (ENV_ONLY.includes(field)) report.error("TKC2421", `downwardApi(): '${field}' is only available as an env var, not as a file`, atProperty(origin, ["files", "fields", i]), { hint: "downwardAPI volumes carry metadata fields and resources only: move it to env" });
    }
    if (options.files && options.files.labels === false && options.files.annotations === false && (options.files.fields ?? []).length === 0) {
      report.error("TKC2421", "downwardApi(): files has nothing to write (labels, annotations and fields are all off)", atProperty(origin, ["files"]), { hint: "drop files, or turn on labels or annotations" });
    }
  },
  apply(options, build, _context, origin) {
    const vars: EnvVar[] = envEntries(options.env).map(([name, field]) => ({ name, valueFrom: source(field, undefined) }));
    addAppEnvVars(build, vars, "TKC2422", origin, "downwardApi()");
    if (!options.files) return;
    const files = options.files;
    const items: DownwardAPIVolumeFile[] = [];
    if (files.labels ?? true) items.push({ path: "labels", fieldRef: { fieldPath: "metadata.labels" } });
    if (files.annotations ?? true) items.push({ path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } });
    for (const field of files.fields ?? []) {
      // Resource fields in a volume must name the container (env vars default to their own).
      const s = source(field, build.container.name);
      items.push(s.fieldRef ? { path: field, fieldRef: s.fieldRef } : { path: field, resourceFieldRef: s.resourceFieldRef! });
    }
    addVolume(build, { name: "podinfo", downwardAPI: { items } });
    mountInApp(build, { name: "podinfo", mountPath: files.mountPath ?? "/etc/podinfo", readOnly: true }, { origin, option: ["files", "mountPath"] });
  },
});
