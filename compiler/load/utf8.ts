import { isUtf8 } from "node:buffer";
import { warning, type Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "../diagnostics/position.js";

/**
 * Where a file's bytes stop being UTF-8 (the byte offset), or undefined when they are UTF-8 all
 * through. Overlong forms, surrogates and code points past U+10FFFF count as not UTF-8, as for
 * TextDecoder, tsc and esbuild, which read each such byte as U+FFFD.
 */
export function firstNonUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // The second byte's range rules out overlong forms, surrogates and values past U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return undefined;
}

/** Who reads a file's bytes as UTF-8, and what then holds the replacement characters. */
export type Utf8Reader = "descriptor" | "text file" | "manifest";

const CONSEQUENCE: Record<Utf8Reader, string> = {
  descriptor: "tkc, like TypeScript, reads every such byte as \u201c\uFFFD\u201d, so that is what the bundle holds",
  "text file": "tkc reads every such byte of an imported file as \u201c\uFFFD\u201d, so that is what the bundle holds",
  manifest: "tkc, like kubectl, reads every such byte as \u201c\uFFFD\u201d, so that is what the cluster would store",
};

/**
 * A warning for a file saved in another encoding (Latin-1, Windows-1252): a descriptor or a text
 * file it imports (tsc and esbuild read them as UTF-8), or a manifest tkc validates (as kubectl
 * reads it). "grüß" in a ConfigMap became "gr��", unsaid.
 */
export function nonUtf8Warning(path: string, bytes: Uint8Array, reader: Utf8Reader = "descriptor"): Diagnostic | undefined {
  // The native check first: a file that is UTF-8 (nearly all) costs no walk of its bytes.
  if (isUtf8(bytes)) return undefined;
  const at = firstNonUtf8(bytes);
  if (at === undefined) return undefined;
  // Where the text before it ends, in the columns every other report counts.
  const before = Buffer.from(bytes.subarray(0, at)).toString("utf8");
  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, "0");
  return warning("TKC1115", `this file is not UTF-8 (byte 0x${byte}): ${CONSEQUENCE[reader]}`, {
    location: locationOf(path, before, before.length),
    hint: "save the file as UTF-8 (most editors: \"Save with Encoding\")",
  });
}
