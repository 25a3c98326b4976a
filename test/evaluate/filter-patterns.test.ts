import assert from "node:assert/strict";
import { test } from "node:test";
import { build, type Plugin } from "esbuild";
import fc from "../support/fast-check.js";
import { noneOf, notStartingWith } from "../../compiler/evaluate/filter-patterns.js";

// Characters that regular expressions treat specially, path separators, and letters outside ASCII
// (esbuild's Go matches runes, JavaScript UTF-16 units).
const tricky = fc.constantFrom("a", "b", "/", ".", "\\", "[", "]", "^", "-", "$", "(", ")", "*", "+", "?", "|", "{", "}", "é", "😀", " ");
const text = fc.string({ unit: tricky, maxLength: 8 });
const PROVIDED = ["tkc", "tkc/k8s", "tkc/crds"];

test("notStartingWith matches exactly the strings that do not start with the prefix", () => {
  fc.assert(
    fc.property(text.filter((p) => p.length > 0), text, text, (prefix, middle, tail) => {
      // "u": code points, as Go reads runes (and paths never hold half a character).
      const pattern = new RegExp(notStartingWith(prefix), "u");
      const points = [...prefix];
      // Half the cases start with the prefix, or with a piece of it.
      for (const candidate of [prefix + tail, points.slice(0, [...middle].length).join("") + tail, middle + tail, points.slice(0, -1).join("")]) {
        assert.equal(pattern.test(candidate), !candidate.startsWith(prefix), `${JSON.stringify(prefix)} on ${JSON.stringify(candidate)}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test("noneOf matches the bare specifiers other than the names, and nothing empty", () => {
  const pattern = new RegExp(noneOf(PROVIDED, "./"), "u");
  const expected = (s: string) => s.length > 0 && !"./".includes(s[0]!) && !PROVIDED.includes(s);
  const near = fc.constantFrom("", "t", "tk", "tkc", "tkc/", "tkc/k8s", "tkc/crds", "tkc/k8", "tkc/crd", "tkcx", "./tkc", "/tkc");
  fc.assert(
    fc.property(near, text, fc.boolean(), (start, tail, withTail) => {
      const candidate = withTail ? start + tail : start;
      assert.equal(pattern.test(candidate), expected(candidate), JSON.stringify(candidate));
    }),
    { numRuns: 2000 },
  );
  for (const name of PROVIDED) assert.equal(pattern.test(name), false, name);
  for (const name of ["yaml", "tkc-helpers", "tkc/k8s/v1", "@tkc/x", "tk"]) assert.equal(pattern.test(name), true, name);
});

// esbuild runs the filters in Go: the same strings must select the same callbacks there.
test("esbuild's Go regular expressions read both patterns as JavaScript does", async () => {
  const specifiers = ["tkc", "tkc/k8s", "tkc/crds", "tkc/", "tkcx", "yaml", "@s/p", "/root/a.b+c/x", "/root/a.b+c", "/root/a.bXc/x", "/root/é😀[x]/y", "/root/é😀[x]", "/other", "./local", "tkc/k8s/v1"];
  const filters = { bare: noneOf(PROVIDED, "./"), notRoot: notStartingWith("/root/a.b+c/"), notUnicode: notStartingWith("/root/é😀[x]/") };
  for (const [name, source] of Object.entries(filters)) {
    const hits: string[] = [];
    const plugins: Plugin[] = [
      { name, setup: (b) => b.onResolve({ filter: new RegExp(source) }, (args) => void hits.push(args.path)) },
      { name: "external", setup: (b) => b.onResolve({ filter: /.*/ }, (args) => ({ path: args.path, external: true })) },
    ];
    await build({ stdin: { contents: specifiers.map((s) => `import ${JSON.stringify(s)};`).join("\n") }, bundle: true, write: false, logLevel: "silent", plugins });
    const js = new RegExp(source, "u");
    assert.deepEqual(hits.sort(), specifiers.filter((s) => js.test(s)).sort(), name);
  }
});
