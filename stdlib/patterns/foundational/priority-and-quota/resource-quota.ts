import type { ResourceQuota } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component } from "../../../core/component.js";
import { isPerEnv, resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { shownJson, shownText } from "../../../core/shown.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { isDns1123Label, isNegative, parseQuantity } from "../../../../syntax/index.js";

type QuotaKey =
  | "requests.cpu" | "requests.memory" | "limits.cpu" | "limits.memory" | "requests.storage" | "requests.ephemeral-storage"
  | "pods" | "services" | "services.loadbalancers" | "services.nodeports" | "persistentvolumeclaims" | "configmaps" | "secrets";

/** Hard limits of a quota, e.g. `{ "requests.cpu": "8", "limits.memory": "32Gi", pods: 50 }`; `count/<resource>.<group>` keys too. */
export type QuotaLimits = { readonly [K in QuotaKey]?: string | number } & { readonly [key: string]: string | number | undefined };

export interface ResourceQuotaOptions {
  /** @default "compute" */
  readonly name?: string;
  /** The namespace's hard limits; usually per environment. */
  readonly hard: PerEnvironment<QuotaLimits>;
  /** Count only pods in these scopes (e.g. `["NotBestEffort"]`). @default all */
  readonly scopes?: readonly ("Terminating" | "NotTerminating" | "BestEffort" | "NotBestEffort" | "PriorityClass" | "CrossNamespacePodAffinity")[];
}

/**
 * Every value a non-negative quantity; returns the hard map without unset keys. `path`: where the
 * values are in the call's options (a mistake is reported at its key there).
 */
export function checkQuantities(what: string, values: Readonly<Record<string, string | number | undefined>>, origin: SourceLocation | undefined, path: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const quantity = parseQuantity(value);
    if (!quantity || isNegative(quantity)) {
      fail("TKC2222", `${what} '${key}' is ${shownJson(value)}, which is not a non-negative quantity`, atProperty(origin, [...path, key]), "write a quantity such as \"500m\", \"2\", \"4Gi\" or a count such as 20");
    }
    out[key] = String(value);
  }
  return out;
}

/** A namespace ResourceQuota: the most the release's namespace may request, limit and create. */
export function resourceQuota(options: ResourceQuotaOptions): Component {
  const origin = captureOrigin();
  const name = options.name ?? "compute";
  const usable = checkCall(
    origin,
    options,
    () => {
      if (!isDns1123Label(name)) fail("TKC2222", `resource quota name '${shownText(name)}' is not a DNS-1123 label`, atProperty(origin, ["name"]), "use lowercase letters, digits and '-'");
    },
    // Plain limits are checked at the call; per-environment ones when each environment expands.
    () => {
      if (!isPerEnv(options.hard)) checkQuantities("quota", options.hard, origin, ["hard"]);
    },
  );
  if (!usable) return rejectedComponent("resourceQuota", name, origin);
  return defineComponent({
    type: "resourceQuota",
    name,
    origin,
    expand(context) {
      const hard = checkQuantities("quota", resolve(options.hard, context.environment), origin, ["hard"]);
      if (Object.keys(hard).length === 0) fail("TKC2222", `resource quota '${name}' sets no limit in environment '${context.environment.name}'`, origin, "set hard: { \"requests.cpu\": \"8\", ... }");
      const object: ResourceQuota = {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name },
        spec: compact({ hard, scopes: options.scopes ? [...options.scopes] : undefined }),
      };
      return [{ object, origin, fields: [[["metadata", "name"], ["name"]], [["spec", "hard"], ["hard"]], [["spec", "scopes"], ["scopes"]]] }];
    },
  });
}
