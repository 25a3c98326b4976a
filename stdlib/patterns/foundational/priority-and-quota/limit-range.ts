import type { LimitRange, LimitRangeItem } from "tkc/k8s";
import { defineComponent, rejectedComponent, type Component, type FieldMapping } from "../../../core/component.js";
import { isPerEnv, resolve, type PerEnvironment } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { compact } from "../../../core/merge.js";
import { shownText } from "../../../core/shown.js";
import { checkCall } from "../../../core/report.js";
import { atProperty, captureOrigin, type SourceLocation } from "../../../core/origin.js";
import { compareQuantities, isDns1123Label, parseQuantity } from "../../../../syntax/index.js";
import { checkQuantities } from "./resource-quota.js";

type Amounts = Readonly<Record<string, string | number>>;

/** Bounds and defaults per container, by resource (`cpu`, `memory`, `ephemeral-storage`). */
export interface ContainerLimits {
  /** Request given to containers that set none. */
  readonly defaultRequest?: Amounts;
  /** Limit given to containers that set none. */
  readonly default?: Amounts;
  readonly min?: Amounts;
  readonly max?: Amounts;
  /** Largest limit/request ratio, e.g. `{ memory: 2 }`. */
  readonly maxLimitRequestRatio?: Amounts;
}

export interface LimitRangeOptions {
  /** @default "defaults" */
  readonly name?: string;
  /** Per-container defaults and bounds; usually per environment. */
  readonly container?: PerEnvironment<ContainerLimits>;
  /** Bounds on each PersistentVolumeClaim's `storage` request. */
  readonly persistentVolumeClaim?: PerEnvironment<{ readonly min?: Amounts; readonly max?: Amounts }>;
}

// The API server requires min <= defaultRequest <= default <= max for each resource.
const ORDER = ["min", "defaultRequest", "default", "max"] as const;

function checkOrder(limits: ContainerLimits, origin: SourceLocation | undefined): void {
  const resources = new Set(ORDER.flatMap((key) => Object.keys(limits[key] ?? {})));
  for (const resource of resources) {
    const present = ORDER.filter((key) => limits[key]?.[resource] !== undefined);
    for (let i = 1; i < present.length; i++) {
      const [low, high] = [present[i - 1]!, present[i]!];
      const a = parseQuantity(limits[low]![resource]);
      const b = parseQuantity(limits[high]![resource]);
      if (a && b && compareQuantities(a, b) > 0) {
        fail("TKC2222", `limit range ${resource}: ${low} (${limits[low]![resource]}) is greater than ${high} (${limits[high]![resource]})`, atProperty(origin, ["container", low, resource]), "keep min <= defaultRequest <= default <= max for each resource");
      }
    }
  }
}

function containerItem(limits: ContainerLimits, origin: SourceLocation | undefined): LimitRangeItem {
  const item: Record<string, unknown> = { type: "Container" };
  for (const key of [...ORDER, "maxLimitRequestRatio"] as const) {
    if (limits[key]) item[key] = checkQuantities(`limit range ${key}`, limits[key]!, origin, ["container", key]);
  }
  return item as unknown as LimitRangeItem;
}

/** A namespace LimitRange: default requests and limits for containers that set none, and bounds. */
export function limitRange(options: LimitRangeOptions): Component {
  const origin = captureOrigin();
  const name = options.name ?? "defaults";
  const usable = checkCall(
    origin,
    options,
    () => {
      if (!isDns1123Label(name)) fail("TKC2222", `limit range name '${shownText(name)}' is not a DNS-1123 label`, atProperty(origin, ["name"]), "use lowercase letters, digits and '-'");
    },
    () => {
      if (!options.container && !options.persistentVolumeClaim) fail("TKC2222", `limit range '${shownText(name)}' sets no limits`, origin, "set container: { defaultRequest, default, max }");
    },
    // the quantities and their order on their own: a bad quantity does not hide a bad order
    () => {
      if (options.container && !isPerEnv(options.container)) containerItem(options.container, origin);
    },
    () => {
      if (options.container && !isPerEnv(options.container)) checkOrder(options.container, origin);
    },
  );
  if (!usable) return rejectedComponent("limitRange", name, origin);
  return defineComponent({
    type: "limitRange",
    name,
    origin,
    expand(context) {
      const limits: LimitRangeItem[] = [];
      const fields: FieldMapping[] = [[["metadata", "name"], ["name"]]];
      if (options.container) {
        fields.push([["spec", "limits", limits.length], ["container"]]);
        const container = resolve(options.container, context.environment);
        checkOrder(container, origin);
        limits.push(containerItem(container, origin));
      }
      if (options.persistentVolumeClaim) {
        const pvc = resolve(options.persistentVolumeClaim, context.environment);
        fields.push([["spec", "limits", limits.length], ["persistentVolumeClaim"]]);
        limits.push(compact({
          type: "PersistentVolumeClaim",
          min: pvc.min ? checkQuantities("limit range min", pvc.min, origin, ["persistentVolumeClaim", "min"]) : undefined,
          max: pvc.max ? checkQuantities("limit range max", pvc.max, origin, ["persistentVolumeClaim", "max"]) : undefined,
        }));
      }
      const object: LimitRange = { apiVersion: "v1", kind: "LimitRange", metadata: { name }, spec: { limits } };
      return [{ object, origin, fields }];
    },
  });
}
