import type { ResourceRequirements } from "tkc/k8s";
import { forEnv, isPerEnv, resolve, type PerEnv } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { checkCall, failedValue } from "../../../core/report.js";
import { shownText } from "../../../core/shown.js";
import { atArgument, captureOrigin, type SourceLocation } from "../../../core/origin.js";

/** Named container sizes; see `sized()` for the table. */
export type ResourceSize = "xsmall" | "small" | "medium" | "large" | "xlarge" | "2xlarge";

/** CPU request and memory (request = limit) of each size. */
export const RESOURCE_SIZES: Readonly<Record<ResourceSize, { readonly cpu: string; readonly memory: string }>> = {
  xsmall: { cpu: "50m", memory: "64Mi" },
  small: { cpu: "100m", memory: "128Mi" },
  medium: { cpu: "250m", memory: "512Mi" },
  large: { cpu: "500m", memory: "1Gi" },
  xlarge: { cpu: "1", memory: "2Gi" },
  "2xlarge": { cpu: "2", memory: "4Gi" },
};

export interface SizedOptions {
  /** Also limit CPU to the request, for the Guaranteed QoS class (pinned CPUs, latency-critical apps). @default false */
  readonly guaranteed?: boolean;
}

function requirements(size: ResourceSize, options: SizedOptions, origin: SourceLocation | undefined): ResourceRequirements {
  const row = typeof size === "string" && Object.prototype.hasOwnProperty.call(RESOURCE_SIZES, size) ? RESOURCE_SIZES[size] : undefined;
  if (!row) {
    fail("TKC2220", `unknown resource size '${shownText(size)}'`, atArgument(origin, 0), `use one of: ${Object.keys(RESOURCE_SIZES).join(", ")}`);
  }
  return {
    requests: { cpu: row.cpu, memory: row.memory },
    limits: options?.guaranteed ? { cpu: row.cpu, memory: row.memory } : { memory: row.memory },
  };
}

/**
 * Requests and limits of a named size, for `resources`: the CPU request, and memory requested
 * and limited alike (a container never counts on memory it may lose), without a CPU limit
 * (CPU is compressible; a limit only throttles). `sized(perEnv({ dev: "small", prod: "large" }))`
 * picks the size per environment.
 *
 * | size | cpu request | memory request and limit |
 * |---|---|---|
 * | xsmall | 50m | 64Mi |
 * | small | 100m | 128Mi |
 * | medium | 250m | 512Mi |
 * | large | 500m | 1Gi |
 * | xlarge | 1 | 2Gi |
 * | 2xlarge | 2 | 4Gi |
 */
export function sized(size: PerEnv<ResourceSize>, options?: SizedOptions): PerEnv<ResourceRequirements>;
export function sized(size: ResourceSize, options?: SizedOptions): ResourceRequirements;
export function sized(size: ResourceSize | PerEnv<ResourceSize>, options: SizedOptions = {}): ResourceRequirements | PerEnv<ResourceRequirements> {
  const origin = captureOrigin();
  // Per environment, a wrong size is reported when the workload expands (and it emits nothing).
  if (isPerEnv(size)) return forEnv((environment) => requirements(resolve(size, environment), options, origin));
  let made: ResourceRequirements = {};
  // At the call: reported, and the workload whose `resources` holds the failed value is set aside.
  const usable = checkCall(origin, undefined, () => {
    made = requirements(size, options, origin);
  });
  return usable ? made : failedValue(made);
}
