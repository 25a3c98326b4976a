import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "../support/fast-check.js";
import { compareQuantities, parseQuantity } from "../../syntax/index.js";
import { labelValueProblem, portNameProblem } from "../../syntax/index.js";

const q = (s: string | number) => {
  const parsed = parseQuantity(s);
  assert.ok(parsed, `${s} should parse`);
  return parsed;
};

test("quantity examples", () => {
  assert.equal(compareQuantities(q("1Gi"), q(1073741824)), 0);
  assert.equal(compareQuantities(q("0.5Gi"), q("512Mi")), 0);
  assert.equal(compareQuantities(q("1"), q("1000m")), 0);
  assert.equal(compareQuantities(q("1e3"), q("1k")), 0);
  assert.equal(compareQuantities(q("1.5"), q("1500m")), 0);
  assert.equal(compareQuantities(q("1M"), q("1Mi")), -1);
  assert.equal(compareQuantities(q(".5"), q("500m")), 0);
  assert.equal(compareQuantities(q("1E-3"), q("1m")), 0);
  assert.equal(compareQuantities(q("100n"), q("0.1u")), 0);
  for (const bad of ["1KB", "1K", "one", "", "1 Gi", "--1", "1e", "Mi", "1.2.3"]) assert.equal(parseQuantity(bad), undefined, bad);
});

const BINARY: [string, bigint][] = [["Ki", 1n << 10n], ["Mi", 1n << 20n], ["Gi", 1n << 30n], ["Ti", 1n << 40n], ["Pi", 1n << 50n], ["Ei", 1n << 60n]];
const DECIMAL: [string, number][] = [["n", -9], ["u", -6], ["m", -3], ["", 0], ["k", 3], ["M", 6], ["G", 9], ["T", 12], ["P", 15], ["E", 18]];

test("property: a binary suffix equals the plain integer it stands for", () => {
  fc.assert(
    fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom(...BINARY), (n, [suffix, factor]) => {
      assert.equal(compareQuantities(q(`${n}${suffix}`), q((BigInt(n) * factor).toString())), 0);
    }),
  );
});

test("property: decimal suffixes and exponents agree, and order follows the numbers", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(...DECIMAL), (a, b, [suffix, exponent]) => {
      assert.equal(compareQuantities(q(`${a}${suffix}`), q(`${a}e${exponent}`)), 0);
      assert.equal(compareQuantities(q(`${a}${suffix}`), q(`${b}${suffix}`)), Math.sign(a - b));
    }),
  );
});

test("property: a decimal fraction equals its milli form", () => {
  fc.assert(
    fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 999 }), (whole, milli) => {
      const fraction = String(milli).padStart(3, "0");
      assert.equal(compareQuantities(q(`${whole}.${fraction}`), q(`${whole * 1000 + milli}m`)), 0);
    }),
  );
});

const labelChar = fc.constantFrom(..."abcXYZ019-_.".split(""));
const alnum = fc.constantFrom(..."aZ09".split(""));

test("property: label values built from the grammar are accepted; adding a bad edge or length is not", () => {
  fc.assert(
    fc.property(alnum, fc.array(labelChar, { maxLength: 40 }), alnum, (first, middle, last) => {
      const value = first + middle.join("") + last;
      assert.equal(labelValueProblem(value), undefined);
      assert.notEqual(labelValueProblem(`-${value}`), undefined);
      assert.notEqual(labelValueProblem(`${value}.`), undefined);
      assert.notEqual(labelValueProblem(value.padEnd(64, "a")), undefined);
    }),
  );
});

test("port name examples at the edges", () => {
  assert.equal(portNameProblem("abcdefghijklmno"), undefined);
  assert.match(portNameProblem("abcdefghijklmnop") ?? "", /at most 15/);
  assert.equal(portNameProblem("h2c-9"), undefined);
  assert.notEqual(portNameProblem("-http"), undefined);
});

test("property: port names accepted by the checker are short, lowercase, lettered and hyphen-clean", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(..."ab09-A_".split("")), maxLength: 18 }), (name) => {
      const ok = portNameProblem(name) === undefined;
      const expected = name.length >= 1 && name.length <= 15 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && /[a-z]/.test(name);
      assert.equal(ok, expected, name);
    }),
  );
});
