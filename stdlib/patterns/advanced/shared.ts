import type { ExpandContext } from "../../core/component.js";
import { isPerEnv, resolve, type Env } from "../../core/env.js";
import { fail } from "../../core/errors.js";
import { report, type ReportNote } from "../../core/report.js";
import type { SourceLocation } from "../../core/origin.js";
import type { WorkloadBuild } from "../../core/pattern.js";

/** The value of an option when it is the same in every environment, for checks at the call. */
export function plain<T>(value: Env<T> | undefined): T | undefined {
  return value === undefined || isPerEnv(value) ? undefined : (value as T);
}

/** Resolve an optional option for the environment being built. */
export function pick<T>(value: Env<T> | undefined, context: ExpandContext): T | undefined {
  return value === undefined ? undefined : resolve(value, context.env);
}

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

/** A short, stable hash of plain data (FNV-1a over canonical JSON), for content-addressed names. */
export function contentHash(value: unknown): string {
  const text = canonicalJson(value);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).slice(0, 10);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Labels on objects a pattern adds for a workload (the workload's selector labels). */
export function labelsFor(build: WorkloadBuild): Record<string, string> {
  return { ...build.selector };
}

/** Cut a generated name to at most `max` characters without a trailing '-'. */
export function fitName(name: string, max = 63): string {
  return name.slice(0, max).replace(/-+$/, "");
}
