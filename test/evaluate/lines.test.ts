import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { splitLines } from "../../compiler/evaluate/lines.js";

// The host and the evaluation process exchange JSON lines; a line of megabytes arrives in chunks.
test("splitLines gives back every complete line, however the stream is cut into chunks", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", "b", "{", "\u00e9") }), { maxLength: 8 }), fc.array(fc.nat(40), { maxLength: 12 }), (lines, cuts) => {
      const text = lines.map((l) => l + "\n").join("");
      const seen: string[] = [];
      const feed = splitLines((line) => seen.push(line));
      let at = 0;
      for (const cut of cuts) {
        feed(text.slice(at, at + cut));
        at += cut;
      }
      feed(text.slice(at));
      assert.deepEqual(seen, lines);
    }),
  );
});

test("splitLines keeps an unfinished last line until its newline comes", () => {
  const seen: string[] = [];
  const feed = splitLines((line) => seen.push(line));
  feed('{"a":');
  feed("1}\n{");
  assert.deepEqual(seen, ['{"a":1}']);
  feed('"b":2}\n\n');
  assert.deepEqual(seen, ['{"a":1}', '{"b":2}', ""]);
});
