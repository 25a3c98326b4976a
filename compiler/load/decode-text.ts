/**
 * The bytes of a YAML or JSON input as text, as kubectl reads them (cli-runtime decodes through a
 * byte-order-mark override): a file that starts with a UTF-16 mark is UTF-16 (Windows PowerShell
 * 5.1 writes `kubectl get ... -o yaml > x.yaml` as UTF-16LE), anything else UTF-8. Such a file was
 * read as UTF-8 and refused: "this document is not a Kubernetes object: it is a string".
 */
/** Whether the bytes start with a UTF-16 byte-order mark (then decodeText reads them as UTF-16). */
export function hasUtf16Mark(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16("utf-16le", bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16("utf-16be", bytes);
  return bytes.toString("utf8");
}

/**
 * The text after the mark. A lone surrogate or an odd last byte reads as U+FFFD, as Go's decoder
 * (golang.org/x/text, kubectl's) reads it: Buffer's own decoder kept the surrogate, which became
 * U+FFFD only when written out, and dropped the byte. A second mark is content: it stays.
 */
function utf16(encoding: "utf-16le" | "utf-16be", bytes: Buffer): string {
  let body = bytes.subarray(2);
  if (encoding === "utf-16be") {
    // Swapped to little-endian, whose decoder every Node build has (utf-16be needs ICU); an odd
    // last byte stays last, for the decoder to read as U+FFFD.
    const even = body.length & ~1;
    body = Buffer.concat([Buffer.from(body.subarray(0, even)).swap16(), body.subarray(even)]);
  }
  return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(body);
}
