import type { LocationData } from "../data.js";

/** A location (maybe lazy, maybe forged by a descriptor) as plain data, or undefined. */
export function locationData(value: unknown): LocationData | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    const { file, line, column, property, argument } = value as Record<string, unknown>;
    if (typeof file !== "string" || typeof line !== "number" || typeof column !== "number") return undefined;
    const path = Array.isArray(property) && property.length <= 32 && property.every((p) => typeof p === "string" || typeof p === "number") ? [...(property as (string | number)[])] : undefined;
    if (!path) return { file, line, column };
    // An argument named by position (atArgument), up to any real call's count.
    const nth = Number.isInteger(argument) && (argument as number) >= 0 && (argument as number) < 32 ? (argument as number) : undefined;
    return nth !== undefined ? { file, line, column, property: path, argument: nth } : { file, line, column, property: path };
  } catch {
    return undefined;
  }
}

const lazy = new WeakSet<object>();

/** Whether a value is an origin the stdlib captured and nothing has resolved yet (or ever will). */
export function isLazyLocation(value: unknown): value is LocationData {
  return typeof value === "object" && value !== null && lazy.has(value);
}

/** A location computed on first read (mapping a call site is costly, and most are never shown). */
export function lazyLocation(resolve: () => LocationData | undefined): LocationData {
  let resolved: LocationData | undefined | null = null;
  const get = () => (resolved === null ? (resolved = resolve()) : resolved);
  const location = {} as LocationData;
  Object.defineProperties(location, {
    file: { enumerable: true, get: () => get()?.file ?? "<unknown>" },
    line: { enumerable: true, get: () => get()?.line ?? 1 },
    column: { enumerable: true, get: () => get()?.column ?? 1 },
  });
  lazy.add(location);
  return Object.freeze(location);
}
