import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readTar, TarError, writeTar, type TarEntry } from "./tar.js";

// Loaded on first use: only push and pull need it, and loading it cost ~3 ms of every command's start-up.
let loaded: typeof import("node:zlib") | undefined;
const zlib = () => (loaded ??= createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib"));

export function sha256Digest(bytes: Buffer | string): string {
  return "sha256:" + createHash("sha256").update(bytes).digest("hex");
}

/**
 * The bundle's files as one tar+gzip layer, byte for byte the same for the same files: the tar is
 * reproducible (tar.ts) and the gzip header carries no time, no file name and a fixed OS byte.
 * node:zlib already writes mtime 0; the OS byte (3 on Unix, 10 on Windows) is set to 255, unknown.
 */
export function packLayer(files: ReadonlyMap<string, string | Buffer>): Buffer {
  const entries: TarEntry[] = [...files].map(([path, content]) => ({ path, data: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8") }));
  const gzip = zlib().gzipSync(writeTar(entries), { level: 9, memLevel: 9, strategy: zlib().constants.Z_DEFAULT_STRATEGY });
  gzip[4] = gzip[5] = gzip[6] = gzip[7] = 0;
  gzip[9] = 0xff;
  return gzip;
}

/** A pulled layer may be hostile: its uncompressed size is capped before any byte is trusted. */
export const MAX_LAYER_BYTES = 512 * 1024 * 1024;

export function unpackLayer(layer: Buffer): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = zlib().gunzipSync(layer, { maxOutputLength: MAX_LAYER_BYTES });
  } catch (failure) {
    throw new TarError(`the layer is not valid gzip (${(failure as Error).message})`);
  }
  const files = new Map<string, Buffer>();
  for (const entry of readTar(tar)) {
    if (files.has(entry.path)) throw new TarError(`'${entry.path}' appears twice`);
    files.set(entry.path, entry.data);
  }
  return files;
}
