import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "../support/fast-check.js";
import { sourceLine } from "../../compiler/diagnostics/render.js";

// Code frames take their line from the text the command read, cut as `split(/\r?\n/)` cuts it.
test("a code frame's line is the line split(/\\r?\\n/) gives, for any text and line number", () => {
  const text = fc.array(fc.constantFrom("a", " ", "\r", "\n", "\r\n", "é", "---"), { maxLength: 40 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(text, fc.integer({ min: -1, max: 45 }), (source, line) => {
      const lines = source.split(/\r?\n/);
      assert.equal(sourceLine({ "/p/f.yaml": source }, "/p/f.yaml", line), line >= 1 ? lines[line - 1] : undefined);
    }),
    { numRuns: 2000 },
  );
});

test("a file the command did not read has no code frame, even when a descriptor names it", () => {
  assert.equal(sourceLine({ "/p/f.yaml": "a: b\n" }, "/etc/passwd", 1), undefined);
  assert.equal(sourceLine(undefined, "/p/f.yaml", 1), undefined);
  assert.equal(sourceLine(Object.create({ "/p/f.yaml": "inherited" }), "/p/f.yaml", 1), undefined);
});

test("the last line of 4M lines is found without splitting the text", () => {
  const text = "---\n".repeat(4 * 1024 * 1024);
  assert.equal(sourceLine({ f: text }, "f", 4 * 1024 * 1024), "---");
  assert.equal(sourceLine({ f: text }, "f", 4 * 1024 * 1024 + 1), "");
  assert.equal(sourceLine({ f: text }, "f", 4 * 1024 * 1024 + 2), undefined);
});
