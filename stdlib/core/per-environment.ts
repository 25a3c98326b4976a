import { captureOrigin, type SourceLocation } from "./origin.js";
import { fail } from "./errors.js";
import { failedValue, holdsFailedValue } from "./report.js";

const PER_ENV = Symbol.for("tkc.perEnv");

/** The environment a release is being expanded for. */
export interface EnvironmentContext {
  /** Environment name, e.g. `prod`. */
  readonly name: string;
  /** Namespace every namespaced object of this environment goes to. */
  readonly namespace: string;
  /** Free-form values declared on the environment in `release()`. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Names of every environment of the release (a perEnv() key must name one of them). */
  readonly environments?: readonly string[];
}

/** A value chosen per environment, made by `perEnv()` or `forEnv()`. */
export interface PerEnv<T> {
  readonly [PER_ENV]: {
    readonly pick: (environment: EnvironmentContext) => T;
    readonly origin: SourceLocation | undefined;
  };
}

/** A plain value, or one that differs per environment. Accepted by every option. */
export type PerEnvironment<T> = T | PerEnv<T>;

/** @deprecated Renamed to {@link PerEnvironment}: "env" also meant environment variables. */
export type Env<T> = PerEnvironment<T>;

/**
 * One value per environment: `perEnv({ dev: 1, staging: 2, prod: 4 })`.
 * `default` covers environments not listed; an environment with neither is an error at build time.
 *
 * Typed by the option it is given to, when there is one, so that entries of different shapes each
 * check against that type (`limits: { cpu, memory }` in dev, `limits: { memory }` by default);
 * else by its entries (`const replicas = perEnv({ dev: 1, prod: 3 })`).
 */
// Inferred from its entries, TypeScript would type both entries above as one union that gives
// the second `cpu?: undefined`, which no resource list accepts. The first signature takes the
// type from the call's context only (NoInfer); without one, T is `never`, no entry fits, and the
// second signature infers T from the entries.
export function perEnv<T = never>(values: { readonly [environment: string]: NoInfer<T> } & { readonly default?: NoInfer<T> }): PerEnv<T>;
export function perEnv<T>(values: { readonly [environment: string]: T } & { readonly default?: T }): PerEnv<T>;
export function perEnv<T>(values: { readonly [environment: string]: T } & { readonly default?: T }): PerEnv<T> {
  const origin = captureOrigin();
  // perEnv({ dev: httpProbe("ready") }) holds a value its call rejected: so does the perEnv().
  const mark = holdsFailedValue(values) ? failedValue : <V>(value: V) => value;
  return mark({
    [PER_ENV]: {
      origin,
      pick(environment) {
        const unknown = Object.keys(values).filter((key) => key !== "default" && environment.environments !== undefined && !environment.environments.includes(key));
        if (unknown.length > 0) {
          const [key] = unknown as [string];
          const near = closestName(key, environment.environments!);
          return fail(
            "TKC2107",
            `perEnv() has a value for '${key}', which is not an environment of this release (its environments: ${environment.environments!.join(", ")})`,
            origin,
            near ? `did you mean '${near}'?` : `use one of: ${environment.environments!.join(", ")}, or 'default'`,
          );
        }
        if (Object.prototype.hasOwnProperty.call(values, environment.name)) return values[environment.name] as T;
        if (Object.prototype.hasOwnProperty.call(values, "default")) return values.default as T;
        const known = Object.keys(values).join(", ");
        return fail(
          "TKC2101",
          `perEnv() has no value for environment '${environment.name}' (it lists: ${known})`,
          origin,
          `add a '${environment.name}' entry, or a 'default' entry for the environments not listed`,
        );
      },
    },
  });
}

/** The name within edit distance 2 of `key`, if any (a typo such as `stagign` for `staging`). */
function closestName(key: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(key, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** A value computed from the environment: `forEnv((environment) => `${environment.name}.shop.example.com`)`. */
export function forEnv<T>(compute: (environment: EnvironmentContext) => T): PerEnv<T> {
  return { [PER_ENV]: { origin: captureOrigin(), pick: compute } };
}

export function isPerEnv(value: unknown): value is PerEnv<unknown> {
  return typeof value === "object" && value !== null && PER_ENV in value;
}

/** Resolve one option for an environment. */
export function resolve<T>(value: PerEnvironment<T>, environment: EnvironmentContext): T {
  return isPerEnv(value) ? (value as PerEnv<T>)[PER_ENV].pick(environment) : (value as T);
}

/**
 * Resolve every per-environment value nested anywhere inside plain data (override objects). A
 * reference cycle is left in place, and a `__proto__` key kept as a key, for the evaluation's
 * copy to report at its path.
 */
/** The API server's request limit (3 MiB), counted in array elements. */
const MAX_ARRAY_LENGTH = 3 * 1024 * 1024;

export function resolveDeep<T>(value: T, environment: EnvironmentContext, ancestors: Set<object> = new Set()): Resolved<T> {
  if (isPerEnv(value)) return resolveDeep(resolve(value, environment), environment, ancestors) as Resolved<T>;
  if (typeof value !== "object" || value === null) return value as Resolved<T>;
  if (ancestors.has(value)) return value as Resolved<T>;
  ancestors.add(value);
  try {
    // Longer than any object the API server takes has elements (a byte each): such an array is
    // refused as too large when it is copied out, so its holes are not walked here first
    // (`a.length = 4e9` took the whole time limit).
    if (Array.isArray(value) && value.length > MAX_ARRAY_LENGTH) return value as Resolved<T>;
    if (Array.isArray(value)) return value.map((item) => resolveDeep(item, environment, ancestors)) as Resolved<T>;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveDeep(item, environment, ancestors);
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

/**
 * `T` where any property, at any depth, may also be given per environment. Not distributed over
 * a union (`number | string` is one `PerEnvironment<number | string>`, not one per member), so
 * that perEnv() takes its type from it whole; an optional property's `undefined` is left out (the
 * property is optional anyway).
 */
export type PerEnvironmentDeep<T> = [T] extends [readonly (infer E)[]]
  ? PerEnvironment<readonly PerEnvironmentDeep<E>[]>
  : [T] extends [object]
    ? PerEnvironment<{ readonly [K in keyof T]?: PerEnvironmentDeep<Exclude<T[K], undefined>> }>
    : PerEnvironment<T>;

/** @deprecated Renamed to {@link PerEnvironmentDeep}. */
export type EnvDeep<T> = PerEnvironmentDeep<T>;
