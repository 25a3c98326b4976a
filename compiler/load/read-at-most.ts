import { closeSync, openSync, readSync } from "node:fs";
import { decodeText } from "./decode-text.js";

/**
 * A file's text, or undefined past `max` bytes: read, not sized by stat first, since a pipe
 * (`--values <(sops -d values.yaml)`, `tkc import yaml <(kubectl get all -o yaml)`) has size 0,
 * and a device such as /dev/zero never ends (a whole read of it filled the memory).
 */
export function readAtMost(file: string, max: number): string | undefined {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(64 * 1024);
    let total = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return decodeText(Buffer.concat(chunks));
      total += read;
      if (total > max) return undefined;
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
  } finally {
    closeSync(fd);
  }
}
