// The layering of tkc's sources: syntax/ depends on nothing, the stdlib never reaches into the
// compiler (it runs sealed in the evaluation realm, and its published types must not name
// compiler/ paths), and neither the stdlib nor the compiler has an import cycle.
import { test } from "node:test";
import assert from "node:assert/strict";
import { repoRoot } from "../support/cli.js";
import { importCycles, importGraph, specifiersOf } from "./import-graph.js";

const graph = importGraph(repoRoot, ["syntax", "stdlib", "compiler"]);

test("the scanner sees imports, re-exports, side-effect and dynamic imports, not commented ones", () => {
  const text = [
    'import type { A } from "./a.js";',
    'import {\n  b,\n  c,\n} from "../b.js";',
    'export { d } from "./d.js";',
    'export * from "./e.js";',
    'import "./f.js";',
    'const g = await import("./g.js");',
    '// import { h } from "./h.js";',
    '/** e.g. `import { release } from "tkc";` */',
  ].join("\n");
  assert.deepEqual(specifiersOf(text).sort(), ["../b.js", "./a.js", "./d.js", "./e.js", "./f.js", "./g.js"]);
});

test("no file under stdlib/ imports from compiler/", () => {
  const offenders = [...graph.edges].filter(([file]) => file.startsWith("stdlib/")).flatMap(([file, targets]) => targets.filter((t) => t.startsWith("compiler/")).map((t) => `${file} -> ${t}`));
  assert.ok(graph.edges.size > 100 && [...graph.edges.keys()].some((f) => f.startsWith("stdlib/")), "the scan found the stdlib");
  assert.deepEqual(offenders, []);
});

test("syntax/ is dependency-free: it imports only its own files", () => {
  const files = [...graph.specifiers].filter(([file]) => file.startsWith("syntax/"));
  assert.ok(files.length >= 5, "the scan found syntax/");
  const outside = files.flatMap(([file, specifiers]) => specifiers.filter((s) => !s.startsWith("./")).map((s) => `${file} -> ${s}`));
  assert.deepEqual(outside, []);
});

test("the cycle finder reports a cycle through three files and none in a chain", () => {
  const cyclic = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
  assert.deepEqual(importCycles(cyclic), [["a", "b", "c", "a"]]);
  assert.deepEqual(importCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]])), []);
});

test("stdlib/ and compiler/ have no import cycles (type-only imports included)", () => {
  const cycles = importCycles(graph.edges).map((cycle) => cycle.join(" -> "));
  assert.deepEqual(cycles, []);
});
