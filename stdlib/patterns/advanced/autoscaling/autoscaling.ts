import type { AutoscalingV2HorizontalPodAutoscaler, AutoscalingV2HorizontalPodAutoscalerBehavior, AutoscalingV2MetricSpec } from "tkc/k8s";
import type { FieldMapping } from "../../../core/component.js";
import { resolveDeep, type PerEnvironment, type PerEnvironmentDeep } from "../../../core/per-environment.js";
import { fail } from "../../../core/errors.js";
import { report } from "../../../core/report.js";
import { compact } from "../../../core/merge.js";
import { atProperty, type SourceLocation } from "../../../core/origin.js";
import { definePattern, type WorkloadBuild } from "../../../core/pattern.js";
import { optionForEnvironment, sameInEveryEnvironment } from "../../support/per-environment-options.js";
import { labelsFor } from "../../support/generated-names.js";
import { claimScaling, noteAt, requireScalableWorkload } from "../../support/replicas.js";

export interface AutoscaleOptions {
  /** Fewest pods, at least 1. */
  readonly min: PerEnvironment<number>;
  /** Most pods, at least `min`. */
  readonly max: PerEnvironment<number>;
  /** Target average CPU use, in percent of the pods' CPU request (may exceed 100). @default 70 when no other metric is given */
  readonly cpu?: PerEnvironment<number>;
  /** Target average memory use, in percent of the pods' memory request. @default none */
  readonly memory?: PerEnvironment<number>;
  /** Further metrics as in the HPA spec: Pods, Object, External or ContainerResource. @default none */
  readonly metrics?: PerEnvironment<readonly AutoscalingV2MetricSpec[]>;
  /** Scale-up and scale-down rules (stabilization windows, rate policies). @default the Kubernetes defaults */
  readonly behavior?: PerEnvironmentDeep<AutoscalingV2HorizontalPodAutoscalerBehavior>;
}

interface Resolved {
  readonly min?: number;
  readonly max?: number;
  readonly cpu?: number;
  readonly memory?: number;
}

function checkNumbers(values: Resolved, origin: SourceLocation | undefined): void {
  const { min, max } = values;
  if (min !== undefined && (!Number.isInteger(min) || min < 1)) {
    report.error("TKC2600", `autoscale() min must be a whole number of at least 1 (got ${min})`, atProperty(origin, ["min"]), { hint: "scale-to-zero needs an event-driven scaler: use kedaScaling({ min: 0, ... }) instead" });
  }
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    report.error("TKC2601", `autoscale() max must be a whole number of at least 1 (got ${max})`, atProperty(origin, ["max"]), { hint: "set max to the most pods the workload may run" });
  }
  if (min !== undefined && max !== undefined && max < min) {
    report.error("TKC2601", `autoscale() max (${max}) is below min (${min})`, atProperty(origin, ["max"]), { hint: `set max to at least ${min}` });
  }
  for (const resource of ["cpu", "memory"] as const) {
    const target = values[resource];
    if (target !== undefined && (!Number.isInteger(target) || target < 1)) {
      report.error("TKC2602", `autoscale() ${resource} target must be a whole percentage of at least 1 (got ${target})`, atProperty(origin, [resource]), { hint: `e.g. ${resource}: ${resource === "cpu" ? 70 : 80}: the average use, in percent of the pods' ${resource} request` });
    }
  }
}

/** The resource metrics of an autoscale() call, in the order they are emitted. */
function resourceTargets(options: AutoscaleOptions, cpu: number | undefined, memory: number | undefined): [("cpu" | "memory"), number][] {
  const targets: [("cpu" | "memory"), number][] = [];
  const defaultCpu = options.cpu === undefined && options.memory === undefined && options.metrics === undefined;
  if (cpu !== undefined || defaultCpu) targets.push(["cpu", cpu ?? 70]);
  if (memory !== undefined) targets.push(["memory", memory]);
  return targets;
}

function checkRequests(build: WorkloadBuild, resources: readonly string[], origin: SourceLocation | undefined): void {
  const requests = (build.container.resources?.requests ?? {}) as Record<string, unknown>;
  for (const resource of resources) {
    if (requests[resource] === undefined) {
      fail(
        "TKC2603",
        `autoscale() targets ${resource} utilization of '${build.name}', but its container requests no ${resource}: utilization is a percentage of the request, so the autoscaler could not compute it`,
        origin,
        `set resources: { requests: { ${resource}: ${resource === "cpu" ? '"250m"' : '"256Mi"'} } } on the workload`,
      );
    }
  }
}

/**
 * Horizontal autoscaling: a HorizontalPodAutoscaler (autoscaling/v2) named like the workload,
 * scaling its Deployment or StatefulSet between `min` and `max` on CPU, memory or custom metrics.
 * The workload then emits no `spec.replicas`, so re-applying the bundle never resets the count.
 */
export const autoscale = definePattern<AutoscaleOptions>({
  name: "autoscale",
  check(options, origin) {
    checkNumbers({ min: sameInEveryEnvironment(options.min), max: sameInEveryEnvironment(options.max), cpu: sameInEveryEnvironment(options.cpu), memory: sameInEveryEnvironment(options.memory) }, origin);
  },
  apply(options, build, context, origin) {
    const target = requireScalableWorkload("TKC2605", "autoscale()", build, origin);
    const min = optionForEnvironment(options.min, context)!;
    const max = optionForEnvironment(options.max, context)!;
    const cpu = optionForEnvironment(options.cpu, context);
    const memory = optionForEnvironment(options.memory, context);
    checkNumbers({ min, max, cpu, memory }, origin);
    const resources = resourceTargets(options, cpu, memory);
    checkRequests(build, resources.map(([name]) => name), origin);
    claimScaling(build, "autoscale()", min, origin);
    const vertical = build.verticalInAutoMode;
    const clash = resources.map(([name]) => name).filter((name) => vertical?.resources.includes(name));
    if (vertical && clash.length > 0) {
      fail(
        "TKC2612",
        `autoscale() scales '${build.name}' on ${clash.join(" and ")} while verticalAutoscale() changes its ${clash.join(" and ")} requests: each would undo the other`,
        origin,
        "let the VPA manage only resources the HPA does not target (controlledResources), or run the VPA with updateMode: \"Off\" for recommendations only",
        noteAt("the verticalAutoscale() is here", vertical.origin),
      );
    }
    build.horizontalResources = { resources: resources.map(([name]) => name), origin };

    const metrics: AutoscalingV2MetricSpec[] = resources.map(([name, averageUtilization]) => ({
      type: "Resource",
      resource: { name, target: { type: "Utilization", averageUtilization } },
    }));
    const extra = optionForEnvironment(options.metrics, context) ?? [];
    metrics.push(...extra.map((metric) => resolveDeep(metric, context.environment) as AutoscalingV2MetricSpec));
    const behavior = options.behavior === undefined ? undefined : (resolveDeep(options.behavior, context.environment) as AutoscalingV2HorizontalPodAutoscalerBehavior);

    // The HPA owns the replica count from now on (see docs/patterns.md).
    build.replicasManagedBy = "HorizontalPodAutoscaler";
    const hpa: AutoscalingV2HorizontalPodAutoscaler = {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: build.name, labels: labelsFor(build) },
      spec: compact({
        scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: build.name },
        minReplicas: min,
        maxReplicas: max,
        metrics,
        behavior,
      }),
    };
    const fields: FieldMapping[] = [
      [[], []],
      [["spec", "minReplicas"], ["min"]],
      [["spec", "maxReplicas"], ["max"]],
      [["spec", "behavior"], ["behavior"]],
      ...resources.map(([name], index): FieldMapping => [["spec", "metrics", index], options[name] === undefined ? [] : [name]]),
      ...extra.map((_, index): FieldMapping => [["spec", "metrics", resources.length + index], ["metrics", index]]),
    ];
    build.extraObjects.push({ object: hpa, origin, fields });
  },
});
