import type { ExpandContext } from "../../core/component.js";
import { fitName } from "./generated-names.js";

/**
 * The pod labels of a workload's one-off admin Jobs (`migrationJob()`): their own name, so the
 * workload's Service and budget never select them, and the migration component.
 */
export function adminJobLabels(workload: string, instance: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": fitName(`${workload}-migrate`),
    "app.kubernetes.io/instance": instance,
    "app.kubernetes.io/component": "migration",
  };
}

/** Workloads with admin Jobs, per expansion (one context per environment). */
const withAdminJobs = new WeakMap<ExpandContext, Set<string>>();

/** Called by migrationJob() while the release expands. */
export function recordAdminJob(context: ExpandContext, workload: string): void {
  const names = withAdminJobs.get(context) ?? new Set<string>();
  names.add(workload);
  withAdminJobs.set(context, names);
}

/**
 * Whether `workload` has admin Jobs in this environment. Complete only once every component has
 * expanded: ask from an object built lazily (a draft's `object` getter), which the compiler reads
 * after expanding all components (compiler/expand/expand.ts).
 */
export function hasAdminJob(context: ExpandContext, workload: string): boolean {
  return withAdminJobs.get(context)?.has(workload) ?? false;
}
