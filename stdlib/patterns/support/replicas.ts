import { fail } from "../../core/errors.js";
import type { SourceLocation } from "../../core/origin.js";
import type { WorkloadBuild } from "../../core/pattern.js";
import { report, type ReportNote } from "../../core/report.js";

// Who owns a workload's replica count, and what a disruption budget needs from it.

/** The kind and apiVersion of the object that owns a workload's replicas, if it has any. */
export function scaleTargetOf(build: WorkloadBuild): { readonly apiVersion: string; readonly kind: "Deployment" | "StatefulSet" } | undefined {
  if (build.type === "service" || build.type === "worker") return { apiVersion: "apps/v1", kind: "Deployment" };
  if (build.type === "statefulService") return { apiVersion: "apps/v1", kind: "StatefulSet" };
  return undefined;
}

/** Fail unless the workload has replicas to scale or protect (Deployments and StatefulSets). */
export function requireReplicatedWorkload(code: string, pattern: string, build: WorkloadBuild, origin: SourceLocation | undefined) {
  const target = scaleTargetOf(build);
  if (!target) {
    fail(code, `${pattern} needs a workload with replicas, but '${build.name}' is a ${build.type}`, origin, "apply it to a service(), worker() or statefulService()");
  }
  return target;
}

/** Labels blueGreen() and canary() put on each variant's pods (stdlib/patterns/foundational). */
const VARIANT_LABELS = ["tkc.dev/track", "tkc.dev/colour"];

/**
 * Fail unless the workload is one Deployment or StatefulSet an autoscaler can target by name: a
 * canary or blue-green workload is several Deployments (`<name>-stable`, `<name>-blue`...), and
 * an autoscaler on `<name>` would scale nothing while taking their replica counts away.
 */
export function requireScalableWorkload(code: string, pattern: string, build: WorkloadBuild, origin: SourceLocation | undefined) {
  const target = requireReplicatedWorkload(code, pattern, build, origin);
  const variant = VARIANT_LABELS.find((label) => label in build.podLabels);
  if (variant) {
    fail(code, `${pattern} cannot scale '${build.name}': it is a ${variant === "tkc.dev/track" ? "canary" : "blue-green"} workload, made of one Deployment per ${variant === "tkc.dev/track" ? "track" : "colour"}`, origin, "size the variants with the workload's replicas option, or autoscale a plain service()");
  }
  return target;
}

/** A note pointing at another pattern's call, for a report's `related` list (none when its origin is unknown). */
export function noteAt(message: string, origin: SourceLocation | undefined): ReportNote[] {
  return origin ? [{ message, at: origin }] : [];
}

/** Record that a pattern owns the workload's replica count; two owners are an error. */
export function claimScaling(build: WorkloadBuild, pattern: string, minReplicas: number, origin: SourceLocation | undefined): void {
  const other = build.scaler;
  if (other) {
    const both = other.pattern === pattern ? `${pattern} twice` : `both ${other.pattern} and ${pattern}`;
    report.error(
      "TKC2604",
      `workload '${build.name}' uses ${both}: two controllers would fight over its replica count`,
      origin,
      {
        hint: pattern === "kedaScaling()" || other.pattern === "kedaScaling()"
          ? "KEDA creates its own HorizontalPodAutoscaler: keep kedaScaling() and move CPU or memory targets into its triggers"
          : "keep a single autoscale() with all its metrics",
        related: noteAt(`the other ${other.pattern} is here`, other.origin),
      },
    );
    return;
  }
  build.scaler = { pattern, minReplicas, origin };
}

/**
 * A budget that allows no eviction at the smallest replica count blocks node drains: the
 * autoscaler's minimum when one owns the count, else the workload's own `replicas`. Run once
 * every pattern has been applied, so the order they are listed in does not matter.
 */
export function checkBudgetAgainstReplicas(build: WorkloadBuild): void {
  const { budget, scaler } = build;
  const replicas = scaler ? scaler.minReplicas : build.replicas;
  if (!budget || replicas === undefined || typeof budget.minAvailable !== "number") return;
  if (budget.minAvailable < replicas) return;
  const minimum = budget.minAvailable + 1;
  if (scaler) {
    report.error(
      "TKC2632",
      `disruptionBudget() keeps minAvailable ${budget.minAvailable} pods of '${build.name}', but it may run only ${replicas} (the ${scaler.pattern} minimum), so no pod could ever be evicted and node drains would hang`,
      budget.origin,
      {
        hint: replicas > 1 ? `use maxUnavailable: 1, or a minAvailable below ${replicas}` : `use maxUnavailable: 1, or raise the ${scaler.pattern} minimum to at least ${minimum}`,
      },
    );
    return;
  }
  report.error(
    "TKC2632",
    `disruptionBudget() keeps minAvailable ${budget.minAvailable} pods of '${build.name}', but it runs ${replicas} ${replicas === 1 ? "replica" : "replicas"}, so no pod could ever be evicted and node drains would hang`,
    budget.origin,
    { hint: replicas > 1 ? `use maxUnavailable: 1, or a minAvailable below ${replicas}` : `use maxUnavailable: 1, or run at least ${minimum} replicas` },
  );
}
