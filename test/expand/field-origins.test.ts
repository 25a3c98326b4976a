import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProject } from "../../compiler/load/project.js";
import { evaluate } from "../../compiler/evaluate/evaluate.js";
import { expandEnvironment } from "../../compiler/expand/expand.js";
import type { SourceLocation } from "../../compiler/model/source.js";
import { locationOf, offsetOf } from "../../compiler/expand/literal-scanner.js";
import { repoRoot } from "../support/cli.js";
import { patternExamples } from "../support/pattern-examples.js";

// Every leaf of every object the examples emit maps to where it was set: the user's property, or
// at least the stdlib call that produced it. And where the leaf's value is written in the sources
// exactly once, as a string literal, the mapping must land on that literal's line: a field that
// points at the wrong call (a sidecar's image at the service() call) or at the wrong item (an
// Ingress path at the route before its own) fails here.
const examplesDir = join(repoRoot, "examples");
const targets = [
  ...readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, "release.k8s.ts"))).map((name) => join(examplesDir, name)),
  ...patternExamples().files,
];

type Path = (string | number)[];

function leaves(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, [...path, i], out));
  else if (typeof value === "object" && value !== null && Object.keys(value).length > 0) for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], out);
  else out.push({ path, value });
  return out;
}

/** Offsets of a string written as a literal (in double or single quotes) in the project's sources. */
function literalOffsets(texts: ReadonlyMap<string, string>, value: string): { file: string; offset: number }[] {
  const found: { file: string; offset: number }[] = [];
  for (const [file, text] of texts) {
    for (const quoted of [JSON.stringify(value), `'${value}'`]) {
      for (let i = text.indexOf(quoted); i >= 0; i = text.indexOf(quoted, i + 1)) found.push({ file, offset: i });
    }
  }
  return found;
}

/** The bracket pairs of a source text (strings and comments skipped), and where each one closes. */
function bracketSpans(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) + 1;
    else if (c === '"' || c === "'" || c === "`") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") open.push(i);
    else if (c === ")" || c === "]" || c === "}") closes.set(open.pop()!, i);
  }
  return closes;
}

// Calls that only wrap a value the user wrote (per environment, or as annotations): not producers.
const VALUE_HELPERS = /^(perEnv|forEnv|\w+Annotations|secretRef|configMapRef|fieldRef|resourceRef)$/;

/**
 * Whether a leaf written once as a literal at `literal` is rightly mapped to `at`: the literal
 * lies in what `at` starts (a property's value, a list item, a call's arguments) with no other
 * producing call in between; or, if it lies outside (it came through a variable, or from another
 * option, as an HPA's name comes from its workload's), then not beside `at`, in the same object
 * or list, where the mapping would have picked the wrong neighbour.
 */
function mapsToLiteral(text: string, spans: Map<number, number>, at: number, literal: number): boolean {
  const enclosing = [...spans].filter(([start, end]) => start < at && at <= end).sort((a, b) => b[0] - a[0])[0];
  const call = /^[A-Za-z_$][\w$]*\s*\(/.exec(text.slice(at));
  let end: number;
  if (call) end = spans.get(at + call[0].length - 1)!;
  else if (spans.has(at)) end = spans.get(at)!;
  else {
    // a property: its value runs to the next ',' or closing bracket at its own depth
    end = at;
    while (end < text.length && text[end] !== "," && !")]}".includes(text[end]!)) end = spans.has(end) ? spans.get(end)! + 1 : end + 1;
  }
  if (literal < at || literal > end) return !enclosing || literal < enclosing[0] || literal > enclosing[1];
  for (const [start, stop] of spans) {
    if (text[start] !== "(" || start <= at || start > literal || stop < literal) continue;
    const name = /([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(Math.max(0, start - 60), start))?.[1];
    if (name && !VALUE_HELPERS.test(name) && !(call && start === at + call[0].length - 1)) return false;
  }
  return true;
}

const show = (at: SourceLocation | undefined) => (at ? `${relative(repoRoot, at.file)}:${at.line}:${at.column}` : "nowhere");

test("every leaf the examples emit maps to the property or call that set it", { timeout: 120_000 }, async () => {
  const spanCache = new Map<string, Map<number, number>>();
  const spansOf = (file: string, text: string) => spanCache.get(file) ?? spanCache.set(file, bracketSpans(text)).get(file)!;
  let checked = 0;
  let pinned = 0;
  const wrong: string[] = [];
  for (const target of targets) {
    const ctx = { timings: {}, read: new Map<string, string>(), log: () => {} };
    const loaded = loadProject({ target }, ctx);
    assert.ok(loaded.ok, `${target} loads`);
    const evaluated = await evaluate({ project: loaded.value }, ctx);
    assert.ok(evaluated.ok, `${target} evaluates: ${JSON.stringify(evaluated.ok ? [] : evaluated.diagnostics)}`);
    const evaluation = await evaluated.value.withOrigins();
    evaluated.value.close();
    const texts = new Map(evaluation.inputs.filter((file) => file.endsWith(".ts")).map((file) => [file, readFileSync(file, "utf8")] as const));
    for (const environment of Object.keys(evaluation.release.environments)) {
      const expanded = expandEnvironment({ evaluation, environment, kubeVersion: loaded.value.config.kubeVersion, texts: (file) => texts.get(file) });
      const expansion = expanded.ok ? expanded.value : expanded.partial;
      for (const sourced of expansion?.objects ?? []) {
        // the environment's Namespace is the release's own, made from its options
        if (sourced.object.kind === "Namespace") continue;
        for (const { path, value } of leaves(sourced.object)) {
          // tkc's own labels and the namespace are set for every object by the expand stage
          if (path[0] === "metadata" && (path[1] === "namespace" || (path[1] === "labels" && String(path[2]).startsWith("app.kubernetes.io/")))) continue;
          checked++;
          const at = sourced.resolveField?.(path) ?? sourced.origin;
          const where = `${relative(repoRoot, target)} [${environment}] ${sourced.object.kind}/${sourced.object.metadata?.name} ${path.join(".")}`;
          if (!at || !texts.has(at.file)) {
            wrong.push(`${where}: maps to ${show(at)}, outside the project's descriptors`);
            continue;
          }
          if (typeof value !== "string" || value.length < 3) continue;
          const written = literalOffsets(texts, value);
          if (written.length !== 1 || written[0]!.file !== at.file) continue;
          pinned++;
          const text = texts.get(at.file)!;
          const offset = offsetOf(text, at.line, at.column);
          if (!mapsToLiteral(text, spansOf(at.file, text), offset, written[0]!.offset)) {
            wrong.push(`${where} = ${JSON.stringify(value)}: maps to ${show(at)}, but the value is written at ${show(locationOf(at.file, text, written[0]!.offset))}`);
          }
        }
      }
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${checked} leaves map to the wrong place`);
  assert.ok(checked > 5000 && pinned > 500, `checked ${checked} leaves, ${pinned} of them against their literal`);
});
