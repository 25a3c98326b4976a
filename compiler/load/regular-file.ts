import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { decodeText, hasUtf16Mark } from "./decode-text.js";

/** The largest file tkc reads: a YAML file of manifests, or a file a descriptor includes or imports. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A file's text, or why it is not read: not a regular file (its kind), too large (its size), or an error code. */
export type RegularFileText = DecodedText | { readonly notRegular: string } | { readonly tooLarge: number } | { readonly failed: string };

/** A file's text, with its bytes when they were read as UTF-8 (for TKC1115, nonUtf8Warning). */
export interface DecodedText {
  readonly text: string;
  readonly readAsUtf8?: Buffer;
}

/** decodeText, keeping the bytes when they were read as UTF-8 (no UTF-16 mark). */
export function decodeChecked(bytes: Buffer): DecodedText {
  const text = decodeText(bytes);
  return hasUtf16Mark(bytes) ? { text } : { text, readAsUtf8: bytes };
}

/** What a path that is not a regular file is, for a message. */
export function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * The text of a regular file of at most `maxBytes`. Judged by its type before it is opened (opening
 * a FIFO waits for a writer: a build blocked for ever), then by the file opened, and read up to one
 * byte past the limit (a file may grow while it is read).
 */
export function readRegularFile(file: string, maxBytes: number): RegularFileText {
  let fd: number | undefined;
  try {
    const named = statSync(file);
    if (!named.isFile()) return { notRegular: fileKind(named) };
    fd = openSync(file, "r");
    const stat = fstatSync(fd); // the file opened, not whatever the path names now
    if (!stat.isFile()) return { notRegular: fileKind(stat) };
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    const buffer = readAtMost(fd, maxBytes);
    return buffer.length > maxBytes ? { tooLarge: buffer.length } : decodeChecked(buffer);
  } catch (cause) {
    return { failed: (cause as NodeJS.ErrnoException).code ?? "error" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Up to `limit + 1` bytes: one more than allowed tells that the input is too large. */
export function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((cause as NodeJS.ErrnoException).code === "EOF") break;
      throw cause;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}
