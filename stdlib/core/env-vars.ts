import type { EnvVar, EnvVarSource } from "tkc/k8s";

const ENV_VAR_SOURCE = Symbol.for("tkc.envSource");

/** An environment variable read from somewhere other than a literal. */
export interface EnvVarSourceRef {
  readonly [ENV_VAR_SOURCE]: EnvVarSource;
}

/** A literal value, or a reference made by `secretRef`, `configMapRef` or `fieldRef`. */
export type EnvVarValue = string | number | boolean | EnvVarSourceRef;

/** @deprecated Renamed to {@link EnvVarValue}: the value of an environment variable. */
export type EnvValue = EnvVarValue;

/** Read a key of an existing Secret: the value never appears in the bundle. */
export function secretRef(secret: string, key: string, options: { readonly optional?: boolean } = {}): EnvVarSourceRef {
  return { [ENV_VAR_SOURCE]: { secretKeyRef: { name: secret, key, ...(options.optional ? { optional: true } : {}) } } };
}

/** Read a key of a ConfigMap. */
export function configMapRef(configMap: string, key: string, options: { readonly optional?: boolean } = {}): EnvVarSourceRef {
  return { [ENV_VAR_SOURCE]: { configMapKeyRef: { name: configMap, key, ...(options.optional ? { optional: true } : {}) } } };
}

/** The downward API: a field of the pod, e.g. `fieldRef("metadata.name")` or `fieldRef("status.podIP")`. */
export function fieldRef(fieldPath: string): EnvVarSourceRef {
  return { [ENV_VAR_SOURCE]: { fieldRef: { fieldPath } } };
}

/** The downward API: a container's resource request or limit, e.g. `resourceRef("limits.memory")`. */
export function resourceRef(resource: string, containerName?: string): EnvVarSourceRef {
  return { [ENV_VAR_SOURCE]: { resourceFieldRef: { resource, ...(containerName ? { containerName } : {}) } } };
}

/** `{ NAME: value }` as the container's `env` list, in the order written. */
export function toEnvVars(envVars: Readonly<Record<string, EnvVarValue>>): EnvVar[] {
  return Object.entries(envVars).map(([name, value]) =>
    typeof value === "object" && value !== null && ENV_VAR_SOURCE in value
      ? { name, valueFrom: value[ENV_VAR_SOURCE] }
      : { name, value: String(value) },
  );
}
