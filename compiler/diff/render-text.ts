import { escapeCommandStart, escapeControl } from "../diagnostics/escape.js";
import { counted } from "../diagnostics/counted.js";
import { describeDiffObject } from "./diff-bundles.js";
import type { BundleDiff, DiffSide, FieldChange, Highlight, ObjectDiff } from "./model.js";
import { blockLines, inlineValue, lineDiff } from "./values.js";

export interface TextOptions {
  /** ANSI colours (a terminal without NO_COLOR). */
  readonly color: boolean;
}

const paint = (code: number, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * The terminal / CI-log form: a unified-diff-like header (`---`/`+++` with each bundle's version and
 * digest), a one-line summary, the highlights, then one block per object with `~`/`+`/`-` lines.
 */
export function renderText(diffs: readonly BundleDiff[], options: TextOptions): string {
  return diffs.map((d) => renderOne(d, options)).join("\n");
}

function renderOne(diff: BundleDiff, options: TextOptions): string {
  const bold = paint(1, options.color);
  const red = paint(31, options.color);
  const green = paint(32, options.color);
  const yellow = paint(33, options.color);
  const cyan = paint(36, options.color);
  const dim = paint(2, options.color);
  const lines: string[] = [];
  lines.push(bold(`tkc diff ${title(diff)}`));
  lines.push(red(`--- ${sideLine(diff.from)}`));
  lines.push(green(`+++ ${sideLine(diff.to)}`));
  const { added, removed, changed, unchanged } = diff.summary;
  if (diff.objects.length === 0 && diff.inputs.length === 0) {
    lines.push("", `No differences (${counted(unchanged, "object")} identical).`);
    return finish(lines);
  }
  lines.push("", `Summary: ${changed} changed, ${added} added, ${removed} removed, ${unchanged} unchanged`);
  if (diff.inputs.length > 0) {
    lines.push("", bold("Inputs:"));
    const width = Math.max(...diff.inputs.map((i) => i.name.length));
    for (const input of diff.inputs) lines.push(`  ${yellow(escapeControl(input.name).padEnd(width))}  ${escapeControl(inputChangeText(input))}`);
  }
  if (diff.highlights.length > 0) {
    lines.push("", bold("Highlights:"));
    const rows = diff.highlights.map((h) => [h.kind, h.object + (h.container ? ` [${h.container}]` : ""), highlightText(h)]);
    const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c].length)));
    for (const [kind, object, text] of rows) lines.push(`  ${yellow(kind.padEnd(widths[0]))}  ${object.padEnd(widths[1])}  ${text}`);
  }
  for (const object of diff.objects) {
    lines.push("");
    const where = dim(`(${object.apiVersion}${object.fromApiVersion ? ` ← ${object.fromApiVersion}` : ""}, ${object.file})`);
    if (object.status === "added") {
      lines.push(green(bold(`+ ${describeDiffObject(object)}`)) + ` added ${where}`);
      for (const line of blockLines(object.content)) lines.push(green(`  + ${line}`));
    } else if (object.status === "removed") {
      lines.push(red(bold(`- ${describeDiffObject(object)}`)) + ` removed ${where}`);
    } else {
      const renamed = object.fromName ? ` ${object.fromName} → ${object.name}` : "";
      lines.push(yellow(bold(`~ ${describeDiffObject(object)}`)) + `${renamed} ${where}`);
      for (const change of object.changes) lines.push(...changeLines(change, { red, green, yellow, cyan }));
    }
  }
  return finish(lines);
}

/** No line may start a CI workflow command (`::error::`), whatever a bundle held: the last guard. */
function finish(lines: readonly string[]): string {
  return lines.map((l) => escapeCommandStart(l.trimEnd())).join("\n") + "\n";
}

interface Paints {
  red(t: string): string;
  green(t: string): string;
  yellow(t: string): string;
  cyan(t: string): string;
}

function changeLines(change: FieldChange, p: Paints): string[] {
  switch (change.op) {
    case "reorder":
      return [p.yellow(`  ~ ${change.path}: order ${change.from.join(", ")} → ${change.to.join(", ")}`)];
    case "add":
    case "remove": {
      const sign = change.op === "add" ? "+" : "-";
      const colour = change.op === "add" ? p.green : p.red;
      const inline = inlineValue(change.value);
      if (inline !== undefined) return [colour(`  ${sign} ${change.path}: ${inline}`)];
      return [colour(`  ${sign} ${change.path}:`), ...blockLines(change.value).map((l) => colour(`  ${sign}     ${l}`))];
    }
    case "replace": {
      const note = change.note ? p.cyan(`  (${change.note})`) : "";
      if (typeof change.from === "string" && typeof change.to === "string" && (change.from.includes("\n") || change.to.includes("\n"))) {
        return [
          p.yellow(`  ~ ${change.path}:`) + note,
          // The lines of a config file as they are, but for control characters (shown, never obeyed).
          ...lineDiff(change.from, change.to).map(({ op, line }) => (op === "-" ? p.red : op === "+" ? p.green : (t: string) => t)(`  ${op}     ${escapeControl(line)}`)),
        ];
      }
      const from = inlineValue(change.from);
      const to = inlineValue(change.to);
      if (from !== undefined && to !== undefined) return [p.yellow(`  ~ ${change.path}: `) + p.red(from) + " → " + p.green(to) + note];
      return [
        p.yellow(`  ~ ${change.path}:`) + note,
        ...blockLines(change.from).map((l) => p.red(`  -     ${l}`)),
        ...blockLines(change.to).map((l) => p.green(`  +     ${l}`)),
      ];
    }
  }
}

export function title(diff: BundleDiff): string {
  const name = (s: DiffSide) => (s.release ? `${s.release}/${s.environment}` : undefined);
  const a = name(diff.from);
  const b = name(diff.to);
  return escapeControl(a && b && a !== b ? `${a} → ${b}` : (b ?? a ?? ""));
}

export function sideLine(side: DiffSide): string {
  if (!side.digest) return escapeControl(`${side.label}  (no bundle)`);
  return escapeControl(`${side.label}  ${side.release}/${side.environment} ${side.version} ${side.digest.slice(0, 19)}`);
}

export function highlightText(h: Highlight): string {
  const field = h.kind === "resources" ? h.path.replace(/^.*\]\.resources\.?/, "") : "";
  const show = (v: unknown) => (v === undefined ? "(none)" : (inlineValue(v) ?? "(…)"));
  return `${field ? field + ": " : ""}${show(h.from)} → ${show(h.to)}`;
}

/** `"1.27.3" → "1.27.4" (--set)`; a side without the input shows as (none). */
export function inputChangeText(input: { readonly from?: unknown; readonly to?: unknown; readonly source?: string }): string {
  const show = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));
  return `${show(input.from)} → ${show(input.to)}${input.source ? ` (${input.source})` : ""}`;
}
