import type { Diagnostic } from "./diagnostic.js";

/** Expand's findings of values that have no YAML form (NaN, a bigint, a function): TKC2120. */
const UNWRITABLE = "TKC2120";

/**
 * Validation's findings at a field expand already reported as unwritable (or inside it): such a
 * value is emitted as null, so `replicas: NaN` was also "replicas is null; it must be an integer
 * >= 0", a second error for one mistake, about a value nobody wrote.
 */
export function dropFollowOns(expanded: readonly Diagnostic[], validated: readonly Diagnostic[]): Diagnostic[] {
  const unwritable = expanded.filter((d) => d.code === UNWRITABLE && d.object !== undefined && d.path !== undefined);
  if (unwritable.length === 0) return [...validated];
  return validated.filter((d) => !unwritable.some((u) => u.object === d.object && d.path !== undefined && within(d.path, u.path!)));
}

function within(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}
