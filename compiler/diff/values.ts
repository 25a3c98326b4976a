import { flowScalarString, toCanonicalYaml } from "../emit/yaml-writer.js";

/** Longest value written on the change's own line; longer ones are written as a YAML block below it. */
const INLINE_LIMIT = 100;

/** A value as YAML flow text (`{name: X, value: "on"}`), or undefined when it is too long or multi-line. */
export function inlineValue(value: unknown): string | undefined {
  const text = flow(value);
  return text.length <= INLINE_LIMIT && !text.includes("\n") ? text : undefined;
}

function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${flowString(k)}: ${flow((value as Record<string, unknown>)[k])}`).join(", ")}}`;
  }
  return typeof value === "string" ? flowString(value) : String(value);
}

const REDACTED = /^<redacted(?:: changed)?>$/;

/** The YAML writer's quoting rule (for flow collections); a redaction marker is shown as is. */
function flowString(s: string): string {
  return REDACTED.test(s) ? s : flowScalarString(s);
}

/** A value as canonical YAML lines (what the bundle file holds). */
export function blockLines(value: unknown): string[] {
  return toCanonicalYaml(value).replace(/\n$/, "").split("\n");
}

export type LineOp = " " | "-" | "+";

/**
 * A line diff of two multi-line strings (a config file in a ConfigMap), with `context` unchanged
 * lines around each change; skipped runs become one `…` line. LCS; very large texts fall back to
 * "all removed, all added" to stay fast.
 */
export function lineDiff(a: string, b: string, context = 2): { op: LineOp; line: string }[] {
  // a final newline on both sides is not a line of its own
  const both = a.endsWith("\n") && b.endsWith("\n");
  const x = (both ? a.slice(0, -1) : a).split("\n");
  const y = (both ? b.slice(0, -1) : b).split("\n");
  let ops: { op: LineOp; line: string }[];
  if (x.length * y.length > 4_000_000) {
    ops = [...x.map((line) => ({ op: "-" as const, line })), ...y.map((line) => ({ op: "+" as const, line }))];
  } else {
    const n = x.length;
    const m = y.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
      }
    }
    ops = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) {
        ops.push({ op: " ", line: x[i++] });
        j++;
      } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j])) ops.push({ op: "+", line: y[j++] });
      else ops.push({ op: "-", line: x[i++] });
    }
    // put removals before additions inside a changed run, as unified diffs do
    for (let k = 0; k < ops.length; k++) {
      if (ops[k].op === " ") continue;
      let end = k;
      while (end < ops.length && ops[end].op !== " ") end++;
      const run = ops.slice(k, end);
      ops.splice(k, run.length, ...run.filter((o) => o.op === "-"), ...run.filter((o) => o.op === "+"));
      k = end;
    }
  }
  const keep = ops.map((o, k) => o.op !== " " || ops.slice(Math.max(0, k - context), k + context + 1).some((p) => p.op !== " "));
  const out: { op: LineOp; line: string }[] = [];
  for (let k = 0; k < ops.length; k++) {
    if (keep[k]) out.push(ops[k]);
    else if (k === 0 || keep[k - 1]) out.push({ op: " ", line: "…" });
  }
  return out;
}
