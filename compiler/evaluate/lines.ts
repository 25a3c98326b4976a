/**
 * A "data" listener that calls `onLine` for every complete line of a stream (the host and the
 * evaluation process talk in JSON lines). Only the new chunk is searched for the newline: an
 * environment's objects, or the bundled descriptors, are one line of megabytes arriving in 64 KiB
 * chunks, and searching the whole buffer again at every chunk made reading it quadratic.
 */
export function splitLines(onLine: (line: string) => void): (chunk: string) => void {
  let pending: string[] = [];
  return (chunk) => {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", start)) {
      pending.push(chunk.slice(start, end));
      const line = pending.join("");
      pending = [];
      start = end + 1;
      onLine(line);
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  };
}
