import { resolveDeep, type PerEnvironmentDeep } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { isPerEnv } from "../../../core/per-environment.js";
import { definePattern } from "../../../core/pattern.js";
import { atProperty } from "../../../core/origin.js";
import { addVolume, mountInApp } from "../../support/containers.js";
import { checkConfigKeys, checkConfigName, checkMountPath, configMapObject, volumeName } from "../../support/config-object.js";

export interface ConfigFilesOptions {
  /** ConfigMap name (with `immutable`, the prefix of the hashed name). */
  readonly name: string;
  /** File name -> content; a whole map or single files may differ per environment. */
  readonly files: PerEnvironmentDeep<Record<string, string>>;
  /** Directory the files appear in (it replaces whatever the image has there). */
  readonly mountPath: string;
  /** Content-hashed name and `immutable: true`: changing a file rolls the pods. @default false */
  readonly immutable?: boolean;
  /** File mode, e.g. `0o444`. @default 0o644 (the Kubernetes default) */
  readonly defaultMode?: number;
}

export interface ConfigEnvOptions {
  /** ConfigMap name (with `immutable`, the prefix of the hashed name). */
  readonly name: string;
  /** Env var name -> value; values may differ per environment. */
  readonly data: PerEnvironmentDeep<Record<string, string>>;
  /** Content-hashed name and `immutable: true`: changing a value rolls the pods. @default false */
  readonly immutable?: boolean;
}

function plainKeys(value: unknown): string[] {
  return typeof value === "object" && value !== null && !isPerEnv(value) ? Object.keys(value) : [];
}

/**
 * Configuration as files: a ConfigMap with `files`, mounted into the app at `mountPath`. Without
 * `immutable`, the kubelet updates the files in place (the app must reload them itself).
 */
export const configFiles = definePattern<ConfigFilesOptions>({
  name: "config-files",
  check(options, origin) {
    checkConfigName("configFiles()", options.name, atProperty(origin, ["name"]));
    checkMountPath("configFiles()", options.mountPath, atProperty(origin, ["mountPath"]));
    const keys = plainKeys(options.files);
    if (!isPerEnv(options.files) && keys.length === 0) fail("TKC2504", `configFiles '${options.name}' has no files`, origin, "add files: { \"app.yaml\": \"...\" }");
    checkConfigKeys(`configFiles '${options.name}'`, keys, (key) => atProperty(origin, ["files", key]));
  },
  apply(options, build, context, origin) {
    const files = resolveDeep(options.files, context.environment) as Record<string, string>;
    checkConfigKeys(`configFiles '${options.name}'`, Object.keys(files), (key) => atProperty(origin, ["files", key]));
    const object = configMapObject(options.name, files, options.immutable ?? false, build.selector);
    build.extraObjects.push({ object, origin, fields: [[["metadata", "name"], ["name"]], [["data"], ["files"]]] });
    const volume = volumeName("config", options.name);
    addVolume(build, { name: volume, configMap: { name: object.metadata!.name!, ...(options.defaultMode !== undefined ? { defaultMode: options.defaultMode } : {}) } });
    mountInApp(build, { name: volume, mountPath: options.mountPath, readOnly: true }, { origin, option: ["mountPath"] });
  },
});

/** Configuration as env vars: a ConfigMap with `data`, imported whole with `envFrom`. */
export const configEnv = definePattern<ConfigEnvOptions>({
  name: "config-env",
  check(options, origin) {
    checkConfigName("configEnv()", options.name, atProperty(origin, ["name"]));
    checkConfigKeys(`configEnv '${options.name}'`, plainKeys(options.data), (key) => atProperty(origin, ["data", key]));
  },
  apply(options, build, context, origin) {
    const data = resolveDeep(options.data, context.environment) as Record<string, string>;
    checkConfigKeys(`configEnv '${options.name}'`, Object.keys(data), (key) => atProperty(origin, ["data", key]));
    const object = configMapObject(options.name, data, options.immutable ?? false, build.selector);
    build.extraObjects.push({ object, origin, fields: [[["metadata", "name"], ["name"]], [["data"], ["data"]]] });
    build.container.envFrom = [...(build.container.envFrom ?? []), { configMapRef: { name: object.metadata!.name! } }];
  },
});

export interface SecretFilesOptions {
  /** Name of an existing Secret (or one made by externalSecret()/sealedSecret()). */
  readonly secret: string;
  readonly mountPath: string;
  /** Only these keys, as files of the same name. @default every key */
  readonly keys?: readonly string[];
  /** File mode. @default 0o444 (read-only; readable by the non-root app user without an fsGroup) */
  readonly defaultMode?: number;
}

/** Mount an existing Secret's keys as files: the values never appear in the bundle. */
export const secretFiles = definePattern<SecretFilesOptions>({
  name: "secret-files",
  check(options, origin) {
    checkConfigName("secretFiles()", options.secret, atProperty(origin, ["secret"]));
    checkMountPath("secretFiles()", options.mountPath, atProperty(origin, ["mountPath"]));
    checkConfigKeys(`secretFiles '${options.secret}'`, options.keys ?? [], (_key, index) => atProperty(origin, ["keys", index]));
  },
  apply(options, build, _context, origin) {
    const volume = volumeName("secret", options.secret);
    addVolume(build, {
      name: volume,
      secret: {
        secretName: options.secret,
        defaultMode: options.defaultMode ?? 0o444,
        ...(options.keys ? { items: options.keys.map((key) => ({ key, path: key })) } : {}),
      },
    });
    mountInApp(build, { name: volume, mountPath: options.mountPath, readOnly: true }, { origin, option: ["mountPath"] });
  },
});
