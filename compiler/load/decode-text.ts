/**
 * The bytes of a YAML or JSON input as text, as kubectl reads them (cli-runtime decodes through a
 * byte-order-mark override): a file that starts with a UTF-16 mark is UTF-16 (Windows PowerShell
 * 5.1 writes `kubectl get ... -o yaml > x.yaml` as UTF-16LE), anything else UTF-8. Such a file was
 * read as UTF-8 and refused: "this document is not a Kubernetes object: it is a string".
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swap each pair of bytes to little-endian first (an odd last byte is dropped, as a decoder would).
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return body.swap16().toString("utf16le");
  }
  return bytes.toString("utf8");
}
