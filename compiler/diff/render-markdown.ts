import { escapeCommandStart, escapeControl } from "../diagnostics/escape.js";
import { counted } from "../diagnostics/counted.js";
import { inputChangeText } from "./render-text.js";
import { describeDiffObject } from "./diff-bundles.js";
import type { BundleDiff, DiffSide, FieldChange, ObjectDiff } from "./model.js";
import { highlightText, title } from "./render-text.js";
import { blockLines, inlineValue, lineDiff } from "./values.js";

/**
 * The pull-request-comment form: a header table with each bundle's version and digest, a summary,
 * the highlights, a table of objects, and one collapsible `diff` block per object (GitHub colours
 * `-`/`+` lines).
 */
export function renderMarkdown(diffs: readonly BundleDiff[], limit: number = COMMENT_LIMIT): string {
  // Each bundle's part of the comment gets its share of the limit.
  const share = limit > 0 ? Math.floor(limit / Math.max(1, diffs.length)) - SEPARATOR.length : Infinity;
  return diffs.map((diff) => renderOne(diff, share, limit)).join(SEPARATOR) + "\n";
}

/**
 * The longest comment, in characters: GitHub refuses a pull-request comment over 65,536 ("Body is
 * too long") and a 400-object change rendered to 180,000; this leaves room for a CI's own lines.
 */
export const COMMENT_LIMIT = 60_000;
const SEPARATOR = "\n---\n\n";
// Kept free for the note that says what was left out.
const NOTE_ROOM = 400;

function renderOne(diff: BundleDiff, budget: number, limit: number): string {
  const out: string[] = [];
  out.push(`### tkc diff: ${escape(title(diff))}`, "");
  out.push("| | bundle | version | digest |", "|---|---|---|---|");
  out.push(sideRow("from", diff.from), sideRow("to", diff.to), "");
  const { added, removed, changed, unchanged } = diff.summary;
  if (diff.objects.length === 0 && diff.inputs.length === 0) {
    out.push(`No differences (${counted(unchanged, "object")} identical).`, "");
    return finish(out);
  }
  out.push(`**${changed} changed, ${added} added, ${removed} removed**, ${unchanged} unchanged`, "");
  if (diff.inputs.length > 0) {
    out.push("#### Inputs", "", "| input | change |", "|---|---|");
    for (const input of diff.inputs) out.push(`| ${code(input.name)} | ${code(inputChangeText(input))} |`);
    out.push("");
  }
  if (diff.highlights.length > 0) {
    out.push("#### Highlights", "", "| | object | container | change |", "|---|---|---|---|");
    for (const h of diff.highlights) out.push(`| ${h.kind} | ${escape(h.object)} | ${h.container ? code(h.container) : ""} | ${code(highlightText(h))} |`);
    out.push("");
  }
  out.push("#### Objects", "", "| | object | apiVersion | changes |", "|---|---|---|---|");
  // Whole rows and whole blocks while they fit the budget, in install order; then a note.
  let size = lengthOf(out);
  const fits = (lines: readonly string[]) => {
    const more = lengthOf(lines);
    if (size + more + NOTE_ROOM > budget) return false;
    size += more;
    return true;
  };
  let rowsLeft = 0;
  for (const d of diff.objects) {
    const row = `| ${STATUS[d.status]} | ${code(describeDiffObject(d))} | ${code(d.apiVersion)} | ${d.status === "changed" ? d.changes.length : ""} |`;
    if (rowsLeft === 0 && fits([row])) out.push(row);
    else rowsLeft++;
  }
  out.push("");
  let blocksLeft = 0;
  let cut = false;
  for (const d of diff.objects) {
    if (d.status === "removed") continue;
    // Once one did not fit, the rest are only counted (and not rendered for nothing).
    if (blocksLeft > 0 || cut) {
      blocksLeft++;
      continue;
    }
    const count = d.status === "added" ? "added" : counted(d.changes.length, "change");
    const renamed = d.fromName ? ` ${html(d.fromName)} → ${html(d.name)}` : "";
    const summary = `<details><summary><code>${d.status === "added" ? "+" : "~"} ${html(describeDiffObject(d))}</code>${renamed} (${count})</summary>`;
    const block = (shown: readonly string[]) => [summary, "", fence(shown), "", "</details>", ""];
    const lines = objectLines(d);
    const whole = block(lines);
    if (fits(whole)) {
      out.push(...whole);
      continue;
    }
    // The first object that does not fit shows the lines of its diff that do (with room for the
    // line that counts the rest, and for a longer fence).
    const shown = linesWithin(lines, budget - size - NOTE_ROOM - lengthOf(block([])) - 80);
    const partial = shown.length > 0 ? block([...shown, `… ${counted(lines.length - shown.length, "more line")} of this object's diff`]) : undefined;
    if (partial && fits(partial)) {
      out.push(...partial);
      cut = true;
    } else blocksLeft++;
  }
  if (rowsLeft > 0 || blocksLeft > 0 || cut) {
    const left = [rowsLeft > 0 ? `${counted(rowsLeft, "more object")} in the table` : "", cut ? "the rest of one object's changes" : "", blocksLeft > 0 ? `the changes of ${counted(blocksLeft, "more object")}` : ""].filter(Boolean).join(", ");
    out.push(`_This comment stops at ${limit.toLocaleString("en-US")} characters (\`--comment-limit\`): ${left} are not shown. \`tkc diff\` with \`--format text\` or \`--format json\` prints them all._`, "");
  }
  return finish(out);
}

/** Characters of `lines` joined by newlines (with the last one's). */
function lengthOf(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0);
}

/** The first of `lines` that fit in `room` characters. */
function linesWithin(lines: readonly string[], room: number): readonly string[] {
  let used = 0;
  let taken = 0;
  while (taken < lines.length && used + lines[taken]!.length + 1 <= room) used += lines[taken++]!.length + 1;
  return lines.slice(0, taken);
}

const STATUS = { added: "➕ added", removed: "➖ removed", changed: "✏️ changed" } as const;

function objectLines(d: ObjectDiff): string[] {
  if (d.status === "added") return blockLines(d.content).map((l) => `+ ${l}`);
  return d.changes.flatMap(changeLines);
}

function changeLines(change: FieldChange): string[] {
  switch (change.op) {
    case "reorder":
      return [`! ${change.path}: order ${change.from.join(", ")} → ${change.to.join(", ")}`];
    case "add":
    case "remove": {
      const sign = change.op === "add" ? "+" : "-";
      const inline = inlineValue(change.value);
      if (inline !== undefined) return [`${sign} ${change.path}: ${inline}`];
      return [`${sign} ${change.path}:`, ...blockLines(change.value).map((l) => `${sign}     ${l}`)];
    }
    case "replace": {
      const note = change.note ? `  # ${change.note}` : "";
      if (typeof change.from === "string" && typeof change.to === "string" && (change.from.includes("\n") || change.to.includes("\n"))) {
        return [`! ${change.path}:${note}`, ...lineDiff(change.from, change.to).map(({ op, line }) => `${op}     ${escapeControl(line)}`)];
      }
      const from = inlineValue(change.from);
      const to = inlineValue(change.to);
      if (from !== undefined && to !== undefined) return [`- ${change.path}: ${from}`, `+ ${change.path}: ${to}${note}`];
      return [
        `! ${change.path}:${note}`,
        ...blockLines(change.from).map((l) => `-     ${l}`),
        ...blockLines(change.to).map((l) => `+     ${l}`),
      ];
    }
  }
}

function sideRow(which: string, side: DiffSide): string {
  if (!side.digest) return `| ${which} | ${code(side.label)} | (no bundle) | |`;
  return `| ${which} | ${code(side.label)} | ${escape(side.version ?? "")} | ${code(side.digest.slice(0, 19))} |`;
}

/** A fenced block that no line inside can close (a value holding ``` gets a longer fence). */
function fence(lines: readonly string[]): string {
  let ticks = "```";
  while (lines.some((l) => l.includes(ticks))) ticks += "`";
  return [`${ticks}diff`, ...lines, ticks].join("\n");
}

/** No line may start a CI workflow command (`::error::`), whatever a bundle held: the last guard. */
function finish(lines: readonly string[]): string {
  return lines.map((l) => escapeCommandStart(l.trimEnd())).join("\n");
}

function code(text: string): string {
  const inner = escapeControl(text).replace(/\|/g, "\\|");
  const ticks = inner.includes("`") ? "``" : "`";
  return `${ticks}${ticks.length > 1 ? " " : ""}${inner}${ticks.length > 1 ? " " : ""}${ticks}`;
}

function escape(text: string): string {
  return escapeControl(text).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function html(text: string): string {
  return escapeControl(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
