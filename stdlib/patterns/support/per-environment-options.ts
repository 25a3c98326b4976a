import type { ExpandContext } from "../../core/component.js";
import { isPerEnv, resolve, type PerEnvironment } from "../../core/per-environment.js";

/** The value of an option when it is the same in every environment, for checks at the call. */
export function sameInEveryEnvironment<T>(value: PerEnvironment<T> | undefined): T | undefined {
  return value === undefined || isPerEnv(value) ? undefined : (value as T);
}

/** Resolve an optional option for the environment being built. */
export function optionForEnvironment<T>(value: PerEnvironment<T> | undefined, context: ExpandContext): T | undefined {
  return value === undefined ? undefined : resolve(value, context.environment);
}
