import type { SourceLocation } from "../model/source.js";
import { findInLiteral, locationOf, offsetOf, scanCallArgument, type LiteralNode } from "./literal-scanner.js";

/** The text of this build's sources by absolute path (never read from disk here). */
export type SourceTexts = (file: string) => string | undefined;

type FieldMapping = readonly [readonly (string | number)[], readonly (string | number)[]];

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * A resolver from a path in an emitted object to the property of the user's call that set it,
 * through the component's field mappings. The call's literal is scanned once, on first use.
 */
export function fieldResolver(origin: SourceLocation | undefined, fields: readonly FieldMapping[] | undefined, texts: SourceTexts) {
  if (!origin || !fields || fields.length === 0) return undefined;
  let literal: LiteralNode | null | undefined;
  return (path: readonly (string | number)[]): SourceLocation | undefined => {
    let best: FieldMapping | undefined;
    for (const mapping of fields) if (startsWith(path, mapping[0]) && (!best || mapping[0].length > best[0].length)) best = mapping;
    if (!best) return undefined;
    const text = texts(origin.file);
    if (text === undefined) return undefined;
    if (literal === undefined) literal = scanCallArgument(text, offsetOf(text, origin.line, origin.column)) ?? null;
    if (!literal) return undefined;
    const hit = findInLiteral(literal, [...best[1], ...path.slice(best[0].length)]);
    return hit ? locationOf(origin.file, text, hit.at, hit.length) : undefined;
  };
}
