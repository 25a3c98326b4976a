import type { ThrownData } from "../data.js";
import { DescriptorError } from "../../../stdlib/core/errors.js";
import type { OriginMapper } from "./origins.js";
import { locationData } from "./location.js";
import { notesData } from "./reports.js";
import { intrinsics } from "./intrinsics.js";

const safeString = (value: unknown, fallback: string): string => {
  try {
    return typeof value === "string" ? value : String(value);
  } catch {
    return fallback;
  }
};

const read = (object: unknown, key: string): unknown => {
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
};

/** A throw out of descriptor code, as data; reading it may run user getters, so it runs in the realm. */
export function describeThrown(thrown: unknown, mapper: OriginMapper | undefined): ThrownData {
  if (thrown instanceof DescriptorError) {
    const hint = read(thrown, "hint");
    return {
      kind: "descriptor",
      code: safeString(read(thrown, "code"), "TKC2002"),
      name: "DescriptorError",
      message: safeString(read(thrown, "message"), "descriptor error"),
      hint: hint === undefined ? undefined : safeString(hint, ""),
      location: locationData(read(thrown, "location")),
      related: notesData(read(thrown, "related")),
    };
  }
  const isObject = (typeof thrown === "object" && thrown !== null) || typeof thrown === "function";
  if (!isObject) return { kind: "error", name: "Error", message: safeString(thrown, "a value") };
  const name = read(thrown, "name");
  const message = read(thrown, "message");
  const hint = read(thrown, "hint");
  const stack = read(thrown, "stack");
  return {
    kind: "error",
    name: typeof name === "string" ? name : "Error",
    message: typeof message === "string" ? message : safeString(thrown, "an error"),
    hint: typeof hint === "string" ? hint : undefined,
    location: typeof stack === "string" && mapper ? mapper.fromStack(stack) : undefined,
    // As when tkc's own walk of a value nested thousands of levels deep runs out of stack.
    ...(intrinsics.thrownByTkc(thrown) ? { inStdlib: true } : {}),
  };
}
