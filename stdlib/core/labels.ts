import type { ExpandContext } from "./component.js";

/** Labels that identify a workload's pods: stable across releases, so selectors never change. */
export function selectorLabels(name: string, context: ExpandContext): Record<string, string> {
  return {
    "app.kubernetes.io/name": name,
    "app.kubernetes.io/instance": context.release.name,
  };
}

/** The recommended labels every object of a release carries (kubernetes.io recommended labels). */
export function releaseLabels(context: ExpandContext): Record<string, string> {
  return {
    "app.kubernetes.io/part-of": context.release.name,
    "app.kubernetes.io/managed-by": "tkc",
  };
}
