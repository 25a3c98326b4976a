// A reproducible ustar writer and a strict reader, for the one layer of a bundle artifact.
// Written here because the bundle needs only flat regular files, and every byte must be fixed:
// entries sorted by name, mtime 0, uid/gid 0, mode 0644, no user or group names.

const BLOCK = 512;

export interface TarEntry {
  readonly path: string;
  readonly data: Buffer;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, type: "0" | "x"): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write(octal(0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(0, 12), 136, "ascii");
  block.write(" ".repeat(8), 148, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + " ", 148, "ascii");
  return block;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, Buffer.alloc(BLOCK - rest)];
}

/** A PAX record `<len> path=<name>\n`, whose length counts its own digits. */
function paxPath(name: string): Buffer {
  const body = ` path=${name}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length++;
  return Buffer.from(`${length}${body}`, "utf8");
}

export function writeTar(entries: readonly TarEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    if (Buffer.byteLength(entry.path) > 100) {
      // Object file names follow Kubernetes names (up to 253 characters): a PAX header carries them.
      const record = paxPath(entry.path);
      parts.push(header("PaxHeaders/" + entry.path.slice(0, 80), record.length, "x"), ...padded(record));
    }
    parts.push(header(entry.path, entry.data.length, "0"), ...padded(entry.data));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** Why a tar stream was refused; the caller names the artifact. */
export class TarError extends Error {}

function field(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString("utf8");
}

function parseOctal(block: Buffer, offset: number, length: number): number {
  const text = field(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarError("a tar header has an invalid number");
  return parseInt(text, 8);
}

/** Regular files only; links, devices, directories' contents elsewhere and absolute or `..` paths are refused. */
export function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return entries;
    let sum = 0;
    block.forEach((byte, index) => (sum += index >= 148 && index < 156 ? 32 : byte));
    if (sum !== parseOctal(block, 148, 8)) throw new TarError("a tar header's checksum is wrong");
    const size = parseOctal(block, 124, 12);
    const type = String.fromCharCode(block[156]!) || "0";
    const dataStart = offset + BLOCK;
    if (dataStart + size > tar.length) throw new TarError("the tar stream is truncated");
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x") {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString("utf8"))?.[1];
      continue;
    }
    if (type === "g") continue;
    const prefix = field(block, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
    longName = undefined;
    if (type === "5") continue;
    if (type !== "0" && type !== "\0") throw new TarError(`'${name}' is not a regular file (tar type '${type}')`);
    const path = name.replace(/^\.\//, "");
    if (path === "" || path.startsWith("/") || path.split("/").some((part) => part === ".." || part === "")) {
      throw new TarError(`'${name}' is not a safe relative path`);
    }
    entries.push({ path, data: Buffer.from(data) });
  }
  throw new TarError("the tar stream has no end marker");
}
