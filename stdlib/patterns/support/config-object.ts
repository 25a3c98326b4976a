import type { ConfigMap } from "tkc/k8s";
import { fail } from "../../core/errors.js";
import { report } from "../../core/report.js";
import type { SourceLocation } from "../../core/origin.js";
import { hashedName } from "./content-hash.js";
import { isDns1123Subdomain } from "../../../syntax/index.js";

/** ConfigMap and Secret keys: what the API server accepts (`[-._a-zA-Z0-9]+`, not `.` or `..`). */
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export function checkConfigName(what: string, name: string, origin: SourceLocation | undefined): void {
  // A hashed name adds 11 characters; keep room so `<name>-<hash10>` is still a valid name.
  if (!isDns1123Subdomain(name) || name.length > 242) {
    fail("TKC2501", `${what}: name '${String(name)}' is not a DNS-1123 subdomain of at most 242 characters`, origin, "use lowercase letters, digits, '-' and '.', e.g. \"api-config\"");
  }
}

/** `at`: where the call sets each key (`(key) => atProperty(origin, ["files", key])`), for its report. */
export function checkConfigKeys(what: string, keys: readonly string[], at: (key: string, index: number) => SourceLocation | undefined): void {
  keys.forEach((key, index) => {
    if (!CONFIG_KEY.test(key) || key === "." || key === "..") {
      report.error("TKC2502", `${what}: key '${key}' is not a valid ConfigMap/Secret key`, at(key, index), { hint: "keys are file names: letters, digits, '-', '_' and '.', no '/' (mount several files by listing each key)" });
    }
  });
}

export function checkMountPath(what: string, mountPath: string, origin: SourceLocation | undefined): void {
  if (typeof mountPath !== "string" || !mountPath.startsWith("/") || mountPath === "/") {
    fail("TKC2503", `${what}: mountPath '${String(mountPath)}' must be an absolute directory other than /`, origin, "e.g. mountPath: \"/etc/app\"");
  }
}

/**
 * A ConfigMap holding `data`. `immutable`: named `<name>-<hash10>` of its content and marked
 * immutable, so changing the content creates a new ConfigMap, the pod template changes with the
 * reference, and the pods roll (as Kustomize's configMapGenerator does).
 */
export function configMapObject(name: string, data: Readonly<Record<string, string>>, immutable: boolean, labels?: Readonly<Record<string, string>>): ConfigMap {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(data).sort()) sorted[key] = data[key]!;
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: immutable ? hashedName(name, "ConfigMap", sorted) : name, ...(labels ? { labels: { ...labels } } : {}) },
    ...(immutable ? { immutable: true } : {}),
    data: sorted,
  };
}

/** Volume name for a ConfigMap/Secret: `<prefix>-<name>`, a DNS-1123 label. */
export function volumeName(prefix: string, name: string): string {
  return `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 63).replace(/-+$/, "");
}
