/**
 * IntOrString fields that hold a count or a percentage (maxSurge, maxUnavailable, minAvailable):
 * the API server's IsValidPercent accepts `^[0-9]+%$` (leading zeros included), and a count is a
 * whole number >= 0.
 */
const PERCENT = /^([0-9]+)%$/;

/** The number before '%' of a percentage such as "25%", or undefined when the text is not one. */
export function percentValue(value: unknown): number | undefined {
  const match = typeof value === "string" ? PERCENT.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** A count or a percentage; undefined when valid, else why not. */
export function intOrPercentProblem(value: unknown): string | undefined {
  if (typeof value === "number") return isCount(value) ? undefined : `${value} is not a whole number >= 0`;
  if (typeof value === "string") return percentValue(value) !== undefined ? undefined : `"${value}" is not a percentage such as "25%"`;
  return `${typeof value} is neither a number nor a percentage`;
}
