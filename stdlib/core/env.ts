import { captureOrigin, type SourceLocation } from "./origin.js";
import { fail } from "./errors.js";

const PER_ENV = Symbol.for("tkc.perEnv");

/** The environment a release is being expanded for. */
export interface EnvironmentContext {
  /** Environment name, e.g. `prod`. */
  readonly name: string;
  /** Namespace every namespaced object of this environment goes to. */
  readonly namespace: string;
  /** Free-form values declared on the environment in `release()`. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A value chosen per environment, made by `perEnv()` or `forEnv()`. */
export interface PerEnv<T> {
  readonly [PER_ENV]: {
    readonly pick: (env: EnvironmentContext) => T;
    readonly origin: SourceLocation | undefined;
  };
}

/** A plain value, or one that differs per environment. Accepted by every option. */
export type Env<T> = T | PerEnv<T>;

/**
 * One value per environment: `perEnv({ dev: 1, staging: 2, prod: 4 })`.
 * `default` covers environments not listed; an environment with neither is an error at build time.
 */
export function perEnv<T>(values: { readonly [environment: string]: T } & { readonly default?: T }): PerEnv<T> {
  const origin = captureOrigin();
  return {
    [PER_ENV]: {
      origin,
      pick(env) {
        if (Object.prototype.hasOwnProperty.call(values, env.name)) return values[env.name] as T;
        if (Object.prototype.hasOwnProperty.call(values, "default")) return values.default as T;
        const known = Object.keys(values).join(", ");
        return fail(
          "TKC2101",
          `perEnv() has no value for environment '${env.name}' (it lists: ${known})`,
          origin,
          `add a '${env.name}' entry, or a 'default' entry for the environments not listed`,
        );
      },
    },
  };
}

/** A value computed from the environment: `forEnv((env) => `${env.name}.shop.example.com`)`. */
export function forEnv<T>(compute: (env: EnvironmentContext) => T): PerEnv<T> {
  return { [PER_ENV]: { origin: captureOrigin(), pick: compute } };
}

export function isPerEnv(value: unknown): value is PerEnv<unknown> {
  return typeof value === "object" && value !== null && PER_ENV in value;
}

/** Resolve one option for an environment. */
export function resolve<T>(value: Env<T>, env: EnvironmentContext): T {
  return isPerEnv(value) ? (value as PerEnv<T>)[PER_ENV].pick(env) : (value as T);
}

/**
 * Resolve every per-environment value nested anywhere inside plain data (override objects). A
 * reference cycle is left in place, and a `__proto__` key kept as a key, for the evaluation's
 * copy to report at its path.
 */
export function resolveDeep<T>(value: T, env: EnvironmentContext, ancestors: Set<object> = new Set()): Resolved<T> {
  if (isPerEnv(value)) return resolveDeep(resolve(value, env), env, ancestors) as Resolved<T>;
  if (typeof value !== "object" || value === null) return value as Resolved<T>;
  if (ancestors.has(value)) return value as Resolved<T>;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => resolveDeep(item, env, ancestors)) as Resolved<T>;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveDeep(item, env, ancestors);
      if (key === "__proto__") Object.defineProperty(out, key, { value: resolved, enumerable: true, writable: true, configurable: true });
      else out[key] = resolved;
    }
    return out as Resolved<T>;
  } finally {
    ancestors.delete(value);
  }
}

/** `T` with every `PerEnv<X>` inside replaced by `X`. */
export type Resolved<T> = T extends PerEnv<infer U>
  ? Resolved<U>
  : T extends readonly (infer E)[]
    ? Resolved<E>[]
    : T extends object
      ? { -readonly [K in keyof T]: Resolved<T[K]> }
      : T;

/** `T` where any property, at any depth, may also be given per environment. */
export type EnvDeep<T> = T extends readonly (infer E)[]
  ? Env<readonly EnvDeep<E>[]>
  : T extends object
    ? Env<{ readonly [K in keyof T]?: EnvDeep<T[K]> }>
    : Env<T>;
