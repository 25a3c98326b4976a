import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { error, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../model/source.js";
import type { Project } from "../model/project.js";
import { bundleDescriptors } from "./bundle.js";
import { evaluationMemoryMb, evaluationTimeoutMs, startEvaluator } from "./evaluator-process.js";
import { diagnoseThrow, memoryLimit, timeLimit, unhandledRejection } from "./thrown.js";
import type { DraftData, LocationData, ReportData } from "./data.js";
import type { Draft, DraftField, EvaluatedInput, Evaluation } from "../model/evaluation.js";
import { fail, succeed, type StageContext, type StageResult } from "../model/stage.js";
import { checkRequest } from "./request.js";
import { propertyLocator } from "../expand/literal-scanner.js";
import type { SuppliedValue } from "../../stdlib/core/input.js";
import { renderRequest, type DependencyRecord, type Rendered } from "../render/render.js";

export { evaluationTimeoutMs };

export type { Draft, EvaluatedInput, Evaluation };

export interface EvaluateInput {
  readonly project: Project;
  /** The environments to expand (all of the release's when empty). */
  readonly environments?: readonly string[];
  /** The values given for the build inputs (--set, --values). */
  readonly inputs?: readonly SuppliedValue[];
  /** Load the release and its inputs only, expand nothing (`tkc inputs`); the request is not checked. */
  readonly loadOnly?: boolean;
}

/**
 * The evaluate stage: bundle the root descriptor and evaluate it, with every requested
 * environment's expansion, sealed; then check the request against what it declared (the supplied
 * values, the environment names). Descriptor output goes to `ctx.log`: the lines of the last pass
 * only, as a release that renders dependencies is evaluated again with them.
 */
export async function evaluate(input: EvaluateInput, ctx: Pick<StageContext, "log" | "timings"> & { readonly read?: ReadonlyMap<string, string> }): Promise<StageResult<Evaluation>> {
  const lines = new PassLines();
  try {
    const evaluated = await evaluateSealed(input.project, lines, ctx.timings, input.environments ?? [], { inputs: input.inputs, loadOnly: input.loadOnly, texts: (file) => ctx.read?.get(file) });
    if (!evaluated.evaluation) return fail(evaluated.diagnostics);
    // A request the release cannot serve (an unknown --env, a bad --set) is a mistake of its own.
    const problems = input.loadOnly ? [] : await checkRequest(evaluated.evaluation, input.inputs ?? [], input.environments);
    // Mistakes reported at the stdlib calls: the objects are handed on all the same, so that the
    // later stages report their own, independent mistakes in the same run; not when the request
    // is wrong too, as there is then no environment to check as asked.
    const mistakes = [...evaluated.diagnostics, ...problems];
    if (hasErrors(evaluated.diagnostics) && problems.length === 0 && !input.loadOnly) return fail(mistakes, evaluated.evaluation);
    if (mistakes.length > 0) {
      evaluated.evaluation.close();
      return fail(mistakes);
    }
    return succeed(evaluated.evaluation);
  } finally {
    lines.flush(ctx.log);
  }
}

/**
 * Descriptor output of the current evaluation pass; a pass run again forgets the earlier lines.
 * Once flushed, what the last pass still says goes straight to the log.
 */
class PassLines {
  private lines: string[] = [];
  private direct: ((line: string) => void) | undefined;
  /** A sink for a new evaluation process: from now on only its lines count. */
  newPass(): (line: string) => void {
    const lines: string[] = [];
    this.lines = lines;
    return (line) => (this.lines === lines && this.direct ? this.direct(`[descriptor] ${line}`) : lines.push(`[descriptor] ${line}`));
  }
  flush(log: (line: string) => void): void {
    for (const line of this.lines) log(line);
    this.lines.length = 0;
    this.direct = log;
  }
}

/**
 * Bundle the project's root descriptor and evaluate it, with every environment's expansion, in
 * the sealed evaluation process; its default export must be a release(). `environments`: the
 * ones to expand (all of the release's when empty).
 */
async function evaluateSealed(
  project: Project,
  lines: PassLines,
  timings: Record<string, number>,
  environments: readonly string[] = [],
  more: { readonly inputs?: readonly SuppliedValue[]; readonly loadOnly?: boolean; readonly texts?: (file: string) => string | undefined } = {},
): Promise<{ evaluation?: Evaluation; diagnostics: Diagnostic[] }> {
  const started = performance.now();
  let evaluator = startEvaluator(lines.newPass());
  // The texts the build read (ctx.read): a warning's location is found in them, not read again.
  const bundled = await bundleDescriptors(project.dir, project.entry, more.texts ?? (() => undefined));
  timings["evaluate.bundle"] = Math.round(performance.now() - started);
  if (!bundled.bundle) {
    evaluator.close();
    return { diagnostics: bundled.diagnostics };
  }
  const { bundle } = bundled;
  // Warnings of the bundle (import cycles): they explain a value undefined while files load.
  const bundleWarnings = bundled.diagnostics;
  const timeoutMs = evaluationTimeoutMs();
  let outcome = await evaluator.run({ code: bundle.code, map: bundle.map, environments, timeoutMs, inputs: more.inputs ?? [], loadOnly: more.loadOnly });
  timings["evaluate.run"] = Math.round(performance.now() - started) - timings["evaluate.bundle"]!;

  // Locations come from the realm: keep only those inside this build's own files.
  const inputs = new Set(bundle.inputs);
  // A report about one option of a call (stdlib atProperty) points where the call writes it.
  const propertyOf = propertyLocator(more.texts ?? (() => undefined));
  const located = (data: LocationData | undefined): SourceLocation | undefined => {
    if (!data || typeof data.file !== "string" || !Number.isInteger(data.line) || !Number.isInteger(data.column) || data.line < 1 || data.column < 1) return undefined;
    const file = resolve(project.dir, data.file);
    if (!inputs.has(file)) return undefined;
    const at = { file, line: data.line, column: data.column };
    const { property, argument } = data;
    if (!Array.isArray(property) || !property.every((p) => typeof p === "string" || typeof p === "number")) return at;
    // An empty path names the call itself, unless an argument was named (atArgument(at, 1)).
    const nth = Number.isInteger(argument) && argument! >= 0 ? argument! : undefined;
    if (property.length === 0 && nth === undefined) return at;
    return propertyOf(at, property, nth ?? 0) ?? at;
  };

  // Vendored manifests, Helm charts and Kustomize bases: the first evaluation says what to render
  // (as data); the host renders it and evaluates again, in a fresh process, with the objects as
  // data, so the typed patches run in the realm. A second pass costs only when something is rendered.
  const rendered = new Map<string, Rendered>();
  for (let round = 0; round < 3; round++) {
    if (outcome.internal !== undefined || outcome.limit || outcome.rejection || !outcome.load?.ok) break;
    const missing = new Map<string, { key: string; request: unknown; location?: SourceLocation }>();
    for (const data of outcome.environments.values()) {
      for (const request of data.requests ?? []) if (!rendered.has(request.key) && !missing.has(request.key)) missing.set(request.key, { key: request.key, request: request.request, location: located(request.location) });
    }
    if (missing.size === 0) break;
    const renderStarted = performance.now();
    const problems: Diagnostic[] = [];
    for (const request of missing.values()) {
      const result = renderRequest({ projectDir: project.dir, kubeVersion: project.config.kubeVersion }, request);
      // One report per call, not per environment that made the same mistake.
      const same = (d: Diagnostic) => "diagnostic" in result && d.message === result.diagnostic.message && d.location?.line === result.diagnostic.location?.line && d.location?.file === result.diagnostic.location?.file;
      if ("diagnostic" in result) {
        if (!problems.some(same)) problems.push(result.diagnostic);
      }
      else rendered.set(request.key, result.rendered);
    }
    timings["evaluate.render"] = (timings["evaluate.render"] ?? 0) + Math.round(performance.now() - renderStarted);
    evaluator.close();
    // What the calls reported when the descriptors loaded are mistakes of their own: shown too.
    if (problems.length > 0) return { diagnostics: [...(outcome.load.reports ?? []).filter((r) => r.severity === "error").map((r) => reportDiagnostic(r, located, { file: project.entry, line: 1, column: 1 })), ...problems] };
    const rerunStarted = performance.now();
    evaluator = startEvaluator(lines.newPass());
    const renderedJson = JSON.stringify(Object.fromEntries([...rendered].map(([key, value]) => [key, value.objects])));
    outcome = await evaluator.run({ code: bundle.code, map: bundle.map, environments, timeoutMs, inputs: more.inputs ?? [], loadOnly: more.loadOnly, rendered: renderedJson });
    timings["evaluate.rerun"] = (timings["evaluate.rerun"] ?? 0) + Math.round(performance.now() - rerunStarted);
  }
  const dependencies = new Map<string, DependencyRecord[]>();
  for (const [name, data] of outcome.environments) {
    const records = new Map<string, DependencyRecord>();
    for (const request of data.requests ?? []) {
      const record = rendered.get(request.key)?.record;
      if (record) records.set(JSON.stringify(record), record);
    }
    if (records.size > 0) dependencies.set(name, [...records.values()]);
  }
  const renderedFiles = [...new Set([...rendered.values()].flatMap((r) => r.files))].filter((file) => !inputs.has(file)).sort();
  const entryLocation: SourceLocation = { file: project.entry, line: 1, column: 1 };

  const failed = (diagnostics: Diagnostic[]) => {
    evaluator.close();
    return { diagnostics: [...diagnostics, ...bundleWarnings] };
  };
  if (outcome.internal !== undefined) {
    evaluator.close();
    throw new Error(`evaluation failed: ${outcome.internal}`);
  }
  if (outcome.limit) {
    const location = located(outcome.limit.location) ?? entryLocation;
    const diagnostic = outcome.limit.limit === "time" ? timeLimit(outcome.limit.what, location, timeoutMs) : memoryLimit(outcome.limit.what, location, evaluationMemoryMb());
    return failed([diagnostic]);
  }
  if (outcome.rejection) {
    return failed([unhandledRejection(outcome.rejection.what, outcome.rejection.error, located(outcome.rejection.error.location) ?? entryLocation)]);
  }
  const load = outcome.load;
  if (!load) {
    evaluator.close();
    throw new Error("evaluation failed: no answer from the evaluation process");
  }
  const reported = (reports: readonly ReportData[] | undefined): Diagnostic[] => (reports ?? []).map((r) => reportDiagnostic(r, located, entryLocation));
  const loadReports = reported(load.reports);
  if (!load.ok) {
    if ("thrown" in load) return failed([...loadReports, diagnoseThrow(load.thrown, located(load.thrown.location) ?? entryLocation, "the descriptor", located)]);
    return failed([
      error("TKC2007", `the root descriptor must \`export default release({...})\`, but its default export is ${load.exported}`, {
        location: entryLocation,
        hint: "wrap your components: export default release({ name, version, environments, components: [...] })",
      }),
    ]);
  }
  const release = { name: load.release.name, version: load.release.version, environments: load.release.environments, origin: located(load.release.origin) };
  let pendingOrigins = load.release.originRef !== undefined;
  const expanded = new Map<string, { drafts: Draft[]; diagnostics: Diagnostic[] }>();
  for (const [name, data] of outcome.environments) {
    const thrown = data.thrown.map((t) => diagnoseThrow(t.error, located(t.error.location) ?? located(t.location) ?? entryLocation, t.what, located));
    // What the calls reported when the descriptors ran holds in every environment (warnings only here).
    const diagnostics = [...loadReports, ...reported(data.reports), ...thrown, ...bundleWarnings];
    const drafts = data.drafts.map((draft: DraftData): Draft => {
      if (draft.originRef !== undefined) pendingOrigins = true;
      const fields = fieldMappings(draft.fields, located);
      if (fields?.some((field) => field[2]?.originRef !== undefined)) pendingOrigins = true;
      return { ...draft, origin: located(draft.origin), fields };
    });
    expanded.set(name, { drafts, diagnostics });
  }
  // Mistakes found at the stdlib calls fail the evaluation. They are reported once, not per
  // environment; a call whose check reported a mistake may report it again when it expands: once
  // is enough. Each environment keeps its own mistakes, to be reported when it is expanded.
  const loadErrors = hasErrors(loadReports);
  if (loadErrors) {
    const atLoad = new Set(loadReports.map(sameMistake));
    for (const expansion of expanded.values()) expansion.diagnostics.splice(0, expansion.diagnostics.length, ...expansion.diagnostics.slice(loadReports.length).filter((d) => !atLoad.has(sameMistake(d))));
  }
  // One round trip to the evaluation process, however often asked.
  let resolving: Promise<Evaluation> | undefined;
  const resolveAll = async (): Promise<Evaluation> => {
    if (!pendingOrigins) return evaluation;
    const origins = (await evaluator.resolveOrigins()) ?? [];
    const resolveField = (field: DraftField): DraftField => (field[2]?.originRef === undefined ? field : [field[0], field[1], { origin: located(origins[field[2].originRef] ?? undefined) }]);
    const withFields = (draft: Draft): Draft => (draft.fields?.some((field) => field[2]?.originRef !== undefined) ? { ...draft, fields: draft.fields.map(resolveField) } : draft);
    const withOrigin = (draft: Draft): Draft => withFields(draft.originRef === undefined ? draft : { ...draft, originRef: undefined, origin: located(origins[draft.originRef] ?? undefined) });
    const environments = new Map([...expanded].map(([name, expansion]) => [name, { ...expansion, drafts: expansion.drafts.map(withOrigin) }]));
    const releaseRef = load.release.originRef;
    const resolvedRelease = releaseRef === undefined ? release : { ...release, origin: located(origins[releaseRef] ?? undefined) };
    return { ...evaluation, release: resolvedRelease, environments, pendingOrigins: false };
  };
  const evaluation: Evaluation = {
    release,
    inputs: [...bundle.inputs, ...renderedFiles],
    declaredInputs: (load.inputs?.declared ?? []).map((d) => ({ ...d, location: located(d.location) })),
    inputProblems: (load.inputs?.problems ?? []).map((p) => ({ ...p, location: located(p.location) })),
    usedInputs: load.inputs?.used ?? [],
    environments: expanded,
    dependencies,
    pendingOrigins,
    withOrigins: () => (resolving ??= resolveAll()),
    close: () => evaluator.close(),
  };
  if (!loadErrors) return { evaluation, diagnostics: [] };
  // Objects made by a call that reported a mistake would only report it again (a bad namespace
  // of the release, on every object): they are left out, and a mistake of release() stops here.
  const resolved = await evaluation.withOrigins();
  const callSite = (at: { readonly file: string; readonly line: number; readonly column: number }) => `${at.file}:${at.line}:${at.column}`;
  const mistaken = new Set((load.reports ?? []).filter((r) => r.severity === "error").flatMap((r) => {
    const call = located(r.location ? { file: r.location.file, line: r.location.line, column: r.location.column } : r.fallback);
    return call ? [callSite(call)] : [];
  }));
  if (!resolved.release.origin || mistaken.has(callSite(resolved.release.origin))) return failed(loadReports);
  const unmistaken = (draft: Draft) => !draft.origin || !mistaken.has(callSite(draft.origin));
  const kept = new Map([...resolved.environments].map(([name, expansion]) => [name, { ...expansion, drafts: expansion.drafts.filter(unmistaken) }]));
  return { evaluation: { ...resolved, environments: kept }, diagnostics: loadReports };
}

const isPath = (value: unknown): value is (string | number)[] => Array.isArray(value) && value.every((s) => typeof s === "string" || typeof s === "number");

/** Field mappings as the realm gave them, keeping only well-formed ones (locations checked like any other). */
function fieldMappings(fields: unknown, located: (data: LocationData | undefined) => SourceLocation | undefined): Draft["fields"] {
  if (!Array.isArray(fields)) return undefined;
  const out: DraftField[] = [];
  for (const mapping of fields) {
    if (!Array.isArray(mapping) || (mapping.length !== 2 && mapping.length !== 3) || !isPath(mapping[0]) || !isPath(mapping[1])) continue;
    const set = mapping[2] as { origin?: LocationData; originRef?: unknown } | undefined;
    if (set === undefined) out.push([mapping[0], mapping[1]]);
    else if (typeof set === "object" && set !== null && Number.isInteger(set.originRef)) out.push([mapping[0], mapping[1], { originRef: set.originRef as number }]);
    else if (typeof set === "object" && set !== null) out.push([mapping[0], mapping[1], { origin: located(set.origin) }]);
  }
  return out;
}

/** A report from the realm as a diagnostic, at its own location, else its call's, else the entry's. */
function reportDiagnostic(r: ReportData, located: (data: LocationData | undefined) => SourceLocation | undefined, entry: SourceLocation): Diagnostic {
  const related = (r.related ?? []).map((note) => ({ message: note.message, location: located(note.location) }));
  return {
    code: r.code,
    severity: r.severity,
    message: r.message,
    location: located(r.location) ?? located(r.fallback) ?? entry,
    ...(r.hint !== undefined ? { hint: r.hint } : {}),
    ...(related.length > 0 ? { related } : {}),
  };
}

/** What makes two diagnostics the same mistake reported twice. */
const sameMistake = (d: Diagnostic): string => [d.code, d.message, d.location?.file, d.location?.line, d.location?.column].join("\u0000");

