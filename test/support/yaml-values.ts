/** Values that hit YAML quoting and block-scalar edge cases, for property tests of the writer and readers. */
import fc from "./fast-check.js";

/** Strings some YAML reader would read as something else if written plain. */
export const YAML_SPECIALS = [
  "", " ", "  x", "x ", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
  "y", "Y", "n", "N", "true", "True", "TRUE", "false", "False", "null", "Null", "NULL", "~", "<<", "=",
  "0", "-0", "012", "0o17", "0x1F", "0b101", "1e3", "1E3", "1e+21", "1_000", ".5", "+1", "-1", "1.", "1.5",
  ".", "-.", "+.5", ".inf", "-.inf", "+.Inf", ".nan", ".NaN", ".NAN", "12:30", "1:20:30.5", "-12:30",
  "190:20:30", "2024-01-01", "2024-1-1", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
  "1.2.3", "10Gi", "nginx:1.25", "a: b", "a:", "a #b", "a#b", "#a", "- a", "-", "--", "---", "...",
  "--port=8080", "-x", "?", "? a", ":a", ",", "[a]", "{a}", "&a", "*a", "!a", "|", ">", "'a'", '"a"',
  "%a", "@a", "`a", "a\tb", "\t", "a\u0000b", "\u007f", "\u0085", "\u00a0", "a\u2028b", "\u2029",
  "\ufeff", "\ufffe", "\ud800", "\udc00x", "😀", "é", "a\nb", "\n", "\n\n", "a\n", "a\n\n", " a\nb",
  "\n a", "a\r\nb", "a \nb ", "\ta\nb", "a\n  ", "#a\nb", "---\nb", "|\n>", "a\n\u0085", "a\n\tb\n", "\n ", " \n", "\n \n", " \n\n",
];

/** Characters that, mixed at random, hit quoting and block-scalar edge cases. */
export const NASTY_CHARS = [" ", "\n", "\t", ":", "#", "-", "?", "\r", "a", "1", ".", "'", '"', "|", ">", "\\", "\u2028", "\u0085", "é", "😀", "{", "%", "~"];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...YAML_SPECIALS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY_CHARS), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.array(fc.string({ unit: fc.constantFrom(...NASTY_CHARS.filter((c) => c !== "\n")), maxLength: 6 }), { maxLength: 4 }).map((lines) => lines.join("\n")) },
);

export const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("scalar"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("value"), { maxKeys: 4 }),
  ),
  scalar: fc.oneof(nastyString, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null)),
})).value;

