import type { ExpandContext } from "../../core/component.js";
import { isPerEnv, resolve, type Env } from "../../core/env.js";

/** The value of an option when it is the same in every environment, for checks at the call. */
export function sameInEveryEnv<T>(value: Env<T> | undefined): T | undefined {
  return value === undefined || isPerEnv(value) ? undefined : (value as T);
}

/** Resolve an optional option for the environment being built. */
export function optionForEnv<T>(value: Env<T> | undefined, context: ExpandContext): T | undefined {
  return value === undefined ? undefined : resolve(value, context.env);
}
