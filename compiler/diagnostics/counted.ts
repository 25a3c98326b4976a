/** A count with its noun, for the summaries people read: "1 object", "2 objects", "0 errors". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
