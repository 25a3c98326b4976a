import type { SourceLocation } from "../model/source.js";
import { propertyLocator } from "./literal-scanner.js";

/** The text of this build's sources by absolute path (never read from disk here). */
export type SourceTexts = (file: string) => string | undefined;

type Path = readonly (string | number)[];
type FieldMapping = readonly [Path, Path, { readonly origin?: SourceLocation }?];

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * A resolver from a path in an emitted object to the property of the user's call that set it,
 * through the component's field mappings: into the object's own call, or into the call a
 * mapping names (a pattern's). Each call's literal is scanned once, on first use (propertyLocator).
 */
export function fieldResolver(origin: SourceLocation | undefined, fields: readonly FieldMapping[] | undefined, texts: SourceTexts, environment?: string) {
  if (!fields || fields.length === 0 || (!origin && !fields.some((mapping) => mapping[2]?.origin))) return undefined;
  // In a value per environment, the entry of the environment being built.
  const propertyOf = propertyLocator(texts, environment);
  return (path: Path): SourceLocation | undefined => {
    let best: FieldMapping | undefined;
    for (const mapping of fields) if (startsWith(path, mapping[0]) && (!best || mapping[0].length > best[0].length)) best = mapping;
    if (!best) return undefined;
    // A part another call set is that call's, even where its literal says nothing more precise.
    const own = best[2]?.origin;
    if (best[2] && !own) return undefined;
    // Another call set this part as a whole: its options do not mirror the object's shape.
    if (own && best[1].length === 0) return own;
    const call = own ?? origin;
    if (!call) return undefined;
    const option = [...best[1], ...path.slice(best[0].length)];
    // No option path: the call as a whole (the caller falls back to it).
    if (option.length === 0) return own;
    return propertyOf(call, option) ?? own;
  };
}
