import type { EnvFromSource } from "tkc/k8s";
import { fail } from "../../../core/errors.js";
import { definePattern } from "../../../core/pattern.js";
import { checkConfigName } from "../../support/config-object.js";
import { atProperty } from "../../../core/origin.js";

/** A ConfigMap or Secret to import every key of as env vars. */
export type EnvVarsSource = string | { readonly name: string; /** Start even if it does not exist. @default false */ readonly optional?: boolean; /** Prepended to every key. @default none */ readonly prefix?: string };

/** @deprecated Renamed to {@link EnvVarsSource}. */
export type EnvSource = EnvVarsSource;

export interface EnvFromOptions {
  /** ConfigMaps whose keys become env vars. @default none */
  readonly configMaps?: readonly EnvVarsSource[];
  /** Secrets (existing, or made by externalSecret/sealedSecret) whose keys become env vars. @default none */
  readonly secrets?: readonly EnvVarsSource[];
}

const ENV_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;

function entries(sources: readonly EnvVarsSource[] | undefined): { name: string; optional?: boolean; prefix?: string }[] {
  return (sources ?? []).map((s) => (typeof s === "string" ? { name: s } : s));
}

/**
 * Every key of ConfigMaps and Secrets as env vars of the app (`envFrom`), in the order listed;
 * a later source wins when two define the same key, and `env` wins over both.
 */
export const envFrom = definePattern<EnvFromOptions>({
  name: "env-from",
  check(options, origin) {
    const listed = (["configMaps", "secrets"] as const).flatMap((option) => entries(options[option]).map((source, index) => ({ source, at: (...path: string[]) => atProperty(origin, [option, index, ...path]) })));
    if (listed.length === 0) fail("TKC2500", "envFrom() lists no ConfigMap and no Secret", origin, "e.g. envFrom({ configMaps: [\"api-settings\"], secrets: [\"api-credentials\"] })");
    for (const { source, at } of listed) {
      checkConfigName("envFrom()", source.name, at("name"));
      if (source.prefix !== undefined && !ENV_PREFIX.test(source.prefix)) fail("TKC2500", `envFrom(): prefix '${source.prefix}' does not start an env var name`, at("prefix"), "use letters, digits and '_', e.g. \"DB_\"");
    }
  },
  apply(options, build) {
    const from = (kind: "configMapRef" | "secretRef") => (s: { name: string; optional?: boolean; prefix?: string }): EnvFromSource => ({
      ...(s.prefix ? { prefix: s.prefix } : {}),
      [kind]: { name: s.name, ...(s.optional ? { optional: true } : {}) },
    });
    const added = [...entries(options.configMaps).map(from("configMapRef")), ...entries(options.secrets).map(from("secretRef"))];
    build.container.envFrom = [...(build.container.envFrom ?? []), ...added];
  },
});
