// From its own module, not "tkc/crds": the published declarations then name only this CRD's
// types, and a check that leaves the other custom resources out stays small (typecheck.ts).
import type { KedaShV1alpha1ScaledObject, KedaShV1alpha1ScaledObjectSpec } from "../../../../schemas/crds/keda.sh/scaledobjects.js";
import type { PerEnvironment } from "../../../core/per-environment.js";
import { resolveDeep } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern } from "../../../core/pattern.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";
import { claimScaling, requireScalableWorkload } from "../../support/replicas.js";

/** A KEDA trigger: `type` (redis, rabbitmq, kafka, prometheus, cron...) and its metadata. */
export type KedaTrigger = KedaShV1alpha1ScaledObjectSpec["triggers"][number];

export interface KedaScalingOptions {
  /** Fewest pods; 0 scales the workload away while its queue is empty. @default 0 */
  readonly min?: PerEnvironment<number>;
  /** Most pods. */
  readonly max: PerEnvironment<number>;
  /** What to scale on, e.g. `{ type: "redis", metadata: { address: "redis:6379", listName: "orders", listLength: "20" } }`. */
  readonly triggers: PerEnvironment<readonly KedaTrigger[]>;
  /** Seconds between trigger checks. @default 30 (KEDA's default) */
  readonly pollingInterval?: PerEnvironment<number>;
  /** Seconds after the last activity before scaling to `min` when it is 0. @default 300 (KEDA's default) */
  readonly cooldownPeriod?: PerEnvironment<number>;
  /** Replicas to run while the triggers' source cannot be read, after 3 failures. @default none (keep the current count) */
  readonly fallbackReplicas?: PerEnvironment<number>;
}

function checkCounts(min: number | undefined, max: number | undefined, origin: SourceLocation | undefined): void {
  if (min !== undefined && (!Number.isInteger(min) || min < 0)) {
    report.error("TKC2621", `kedaScaling() min must be a whole number >= 0 (got ${min})`, atProperty(origin, ["min"]), { hint: "use 0 to scale to zero, or the fewest pods to keep" });
  }
  if (max !== undefined && (!Number.isInteger(max) || max < Math.max(1, min ?? 0))) {
    report.error("TKC2621", `kedaScaling() max must be a whole number of at least ${Math.max(1, min ?? 0)} (got ${max})`, atProperty(origin, ["max"]), { hint: "set max to the most pods the workload may run" });
  }
}

function checkTriggers(triggers: readonly KedaTrigger[] | undefined, origin: SourceLocation | undefined): void {
  if (triggers === undefined) return;
  if (triggers.length === 0) {
    fail("TKC2620", "kedaScaling() has no triggers, so KEDA would never scale", atProperty(origin, ["triggers"]), "add triggers: [{ type: \"redis\", metadata: { address: \"redis:6379\", listName: \"jobs\", listLength: \"20\" } }]");
  }
  triggers.forEach((trigger, index) => {
    if (typeof trigger.type !== "string" || trigger.type === "") {
      report.error("TKC2620", `kedaScaling() triggers[${index}] has no type`, atProperty(origin, ["triggers", index]), { hint: "set type, e.g. \"redis\", \"rabbitmq\", \"kafka\", \"prometheus\"" });
    }
    for (const [key, value] of Object.entries(trigger.metadata ?? {})) {
      if (typeof value !== "string") {
        report.error("TKC2622", `kedaScaling() triggers[${index}].metadata.${key} is a ${typeof value}; KEDA reads trigger metadata as strings`, atProperty(origin, ["triggers", index, "metadata", key]), { hint: `write ${key}: "${String(value)}"` });
      }
    }
  });
}

/**
 * Event-driven scaling with KEDA: a ScaledObject (keda.sh/v1alpha1) named like the workload.
 * KEDA creates and owns the HorizontalPodAutoscaler, so `autoscale()` on the same workload is
 * an error. The workload then emits no `spec.replicas`.
 */
export const kedaScaling = definePattern<KedaScalingOptions>({
  name: "keda-scaling",
  check(options, origin) {
    checkCounts(sameInEveryEnvironment(options.min), sameInEveryEnvironment(options.max), origin);
    checkTriggers(sameInEveryEnvironment(options.triggers), origin);
  },
  apply(options, build, context, origin) {
    const target = requireScalableWorkload("TKC2605", "kedaScaling()", build, origin);
    const min = optionForEnvironment(options.min, context) ?? 0;
    const max = optionForEnvironment(options.max, context)!;
    checkCounts(min, max, origin);
    const triggers = resolveDeep(optionForEnvironment(options.triggers, context)!, context.environment) as KedaTrigger[];
    checkTriggers(triggers, origin);
    claimScaling(build, "kedaScaling()", Math.max(min, 1), origin);
    build.replicasManagedBy = "KEDA ScaledObject";
    const fallback = optionForEnvironment(options.fallbackReplicas, context);
    const scaled: KedaShV1alpha1ScaledObject = {
      apiVersion: "keda.sh/v1alpha1",
      kind: "ScaledObject",
      metadata: { name: build.name, labels: labelsFor(build) },
      spec: compact({
        scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: build.name },
        minReplicaCount: min,
        maxReplicaCount: max,
        pollingInterval: optionForEnvironment(options.pollingInterval, context),
        cooldownPeriod: optionForEnvironment(options.cooldownPeriod, context),
        fallback: fallback === undefined ? undefined : { failureThreshold: 3, replicas: fallback },
        triggers,
      }),
    };
    build.extraObjects.push({
      object: scaled,
      origin,
      fields: [
        [[], []],
        [["spec", "minReplicaCount"], ["min"]],
        [["spec", "maxReplicaCount"], ["max"]],
        [["spec", "triggers"], ["triggers"]],
        [["spec", "pollingInterval"], ["pollingInterval"]],
        [["spec", "cooldownPeriod"], ["cooldownPeriod"]],
        [["spec", "fallback"], ["fallbackReplicas"]],
      ],
    });
  },
});
