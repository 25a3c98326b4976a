import assert from "node:assert/strict";
import { test } from "node:test";
import { stringify } from "yaml";
import fc from "../support/fast-check.js";
import { deeperThan } from "../../compiler/load/yaml/nesting.js";

/** Levels of nesting of a value: a scalar is 0, `{a: 1}` is 1. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Object.values(value);
  return 1 + (children.length === 0 ? 0 : Math.max(...children.map(depthOf)));
}

/** The smallest limit the text does not pass: its nesting as nesting.ts counts it. */
function counted(text: string): number {
  let limit = 0;
  while (deeperThan(text, limit) >= 0) limit++;
  return limit;
}

// Scalars that hold what the counter must not take for structure: brackets, quotes, `#`, `: `.
const scalar = fc.oneof(
  fc.constantFrom("[", "{", "]", "a[0]", "x: [y", "'[", '"{"', "# [", "a #[", "it's [", "|", ">", "- [", "? {", "", " [ "),
  fc.string({ unit: fc.constantFrom("a", "[", "{", "]", "}", "'", '"', "#", ":", " ", "\n", "-", "|", ">", ",", "\\"), maxLength: 10 }),
  fc.integer(),
  fc.boolean(),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom("a", "b[", "c: d", "#e", "'f", "-"), tie("node"), { maxKeys: 3 }),
})).node;

test("the nesting counted without parsing is the value's own, however a YAML writer lays it out", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom("apiVersion", "kind", "data", "spec"), value, { minKeys: 1, maxKeys: 4 }), (document) => {
      const depth = depthOf(document);
      for (const text of [stringify(document), stringify(document, { collectionStyle: "flow" }), JSON.stringify(document), JSON.stringify(document, null, 2), stringify(document, { indent: 4, indentSeq: false })]) {
        assert.equal(counted(text), depth, text);
      }
    }),
    { numRuns: 1500 },
  );
});

test("block scalars, comments and quoted text are not nesting", () => {
  const text = [
    "apiVersion: v1",
    "kind: ConfigMap",
    "data:",
    "  script: |",
    "    [[[[[[[[ {{{{{{{{",
    "        - - - - - -",
    "  quoted: \"[[[[ {{{{\" # [[[[",
    "  single: '[[[[ it''s {{{{'",
    "  plain: a[[[[b{{{{",
    "  folded: >-",
    "    {{{{{{{{",
  ].join("\n");
  assert.equal(counted(text), 2);
  assert.equal(counted("- - - - x\n"), 4);
  assert.equal(counted("a: [[[[1]]]]\n"), 5);
  assert.equal(counted("a:\n  b: {c: [1, {d: 2}]}\n"), 5);
});

test("the place reported is where the limit is passed", () => {
  const text = `a: ${"[".repeat(10)}${"]".repeat(10)}\n`;
  assert.equal(deeperThan(text, 5), text.indexOf("[") + 4);
  assert.equal(deeperThan("a:\n b:\n  c:\n   d: 1\n", 3), "a:\n b:\n  c:\n   ".length);
});

test("a block scalar at the top of a document ends at the next document", () => {
  assert.equal(counted(`--- |\n  text [[[[\n---\n${"- ".repeat(7)}x\n`), 7);
});
