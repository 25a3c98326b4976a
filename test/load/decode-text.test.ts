import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import "../support/fast-check.js";
import { decodeText } from "../../compiler/load/decode-text.js";

// kubectl's reader (cli-runtime) decodes by the byte-order mark: UTF-16LE, UTF-16BE, else UTF-8.
test("decodeText reads UTF-16 by its byte-order mark, and everything else as UTF-8", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), (text) => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
      assert.equal(decodeText(le), text);
      assert.equal(decodeText(be), text);
      assert.equal(decodeText(Buffer.from(text, "utf8")), text);
    }),
  );
  // a UTF-8 mark stays for the YAML reader (which skips it), as before
  assert.equal(decodeText(Buffer.from("\uFEFFa: b", "utf8")), "\uFEFFa: b");
  // what Go's decoder (kubectl's) reads as U+FFFD: an odd last byte, a lone surrogate
  assert.equal(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00])), "a\uFFFD");
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00])), "a\uFFFD");
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x62, 0x00])), "\uFFFDb");
  assert.equal(decodeText(Buffer.from([0xfe, 0xff, 0xdc, 0x00, 0x00, 0x62])), "\uFFFDb");
  // only the first mark is the encoding's: a second one is content, as in Go's reader
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, 0xff, 0xfe, 0x61, 0x00])), "\uFEFFa");
  assert.equal(decodeText(Buffer.from([])), "");
});
