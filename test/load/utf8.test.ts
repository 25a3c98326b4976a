import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import "../support/fast-check.js";
import { firstNonUtf8, nonUtf8Warning } from "../../compiler/load/utf8.js";

const fatal = new TextDecoder("utf-8", { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const lenient = new TextDecoder("utf-8");

// The reference is the WHATWG decoder, which tsc and esbuild agree with on what is UTF-8: the
// first byte it replaces by U+FFFD is the one reported.
test("firstNonUtf8 finds the first byte a UTF-8 decoder replaces, and only where there is one", () => {
  // Bytes near the edges of UTF-8's ranges, and whole characters, mixed.
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90));
  // Sequences at the edges: overlong forms, surrogates, past U+10FFFF, and their valid neighbours.
  const edge = fc.constantFrom([0xc0, 0x80], [0xc2, 0x80], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80]);
  const chunk = fc.oneof(byte.map((b) => [b]), edge, fc.string({ unit: "grapheme" }).map((s) => [...Buffer.from(s, "utf8")]));
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 12 }), (chunks) => {
      const bytes = Uint8Array.from(chunks.flat());
      const text = lenient.decode(bytes);
      // a U+FFFD written as such would be indistinguishable from a replaced byte
      fc.pre(!Buffer.from(bytes).includes(Buffer.from("\uFFFD", "utf8")));
      const at = firstNonUtf8(bytes);
      assert.equal(at === undefined, decodes(bytes));
      if (at !== undefined) assert.equal(at, Buffer.byteLength(text.slice(0, text.indexOf("\uFFFD")), "utf8"));
    }),
    { numRuns: 2000 },
  );
});

test("the warning points at the first byte that is not UTF-8, counting characters, not bytes", () => {
  const bytes = Buffer.concat([Buffer.from('const a = "é";\nconst b = "ü', "utf8"), Buffer.from([0xfc]), Buffer.from('";\n')]);
  const warning = nonUtf8Warning("/p/x.k8s.ts", bytes)!;
  assert.equal(warning.severity, "warning");
  assert.equal(warning.code, "TKC1115");
  assert.deepEqual(warning.location, { file: "/p/x.k8s.ts", line: 2, column: 13 });
  assert.match(warning.message, /byte 0xFC/);
  assert.equal(nonUtf8Warning("/p/y.k8s.ts", Buffer.from("naïve ✓ 𝄞\n", "utf8")), undefined);
  // each reader says who read the bytes so, and where the replacement characters end up
  assert.match(nonUtf8Warning("/p/cm.yaml", bytes, "manifest")!.message, /like kubectl, .*what the cluster would store$/);
  assert.match(nonUtf8Warning("/p/a.txt", bytes, "text file")!.message, /of an imported file .*what the bundle holds$/);
});
