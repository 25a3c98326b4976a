import { performance } from "node:perf_hooks";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { dedupeAcrossEnvironments } from "./diagnostics/dedupe.js";
import { preferPurityErrors } from "./diagnostics/prefer-purity.js";
import { dropFollowOns } from "./diagnostics/follow-ons.js";
import { buildFront } from "./build-front.js";
import { projectCrds } from "./crd/project.js";
import type { CustomResourceSchemas } from "./validate/schema/custom.js";
import { checkTypes } from "./typecheck/stage.js";
import { evaluate } from "./evaluate/evaluate.js";
import { expandEnvironment } from "./expand/expand.js";
import { validate } from "./validate/validate.js";
import { validatorsFor } from "./validate/schema/ajv.js";
import { bundleSources, uncoveredSources } from "./emit/bundle-sources.js";
import { planEnvironment } from "./emit/plan-environment.js";
import { checkedReports, recordRelease } from "./release/record-release.js";
import { sourceCommit } from "./release/source-commit.js";
import { rememberBuild } from "./cache/warm-build.js";
import { suppliedValues, type InputArgs } from "./inputs/supplied.js";
import type { BuildReport, EnvironmentReport } from "./model/build.js";
import type { EnvironmentPlan, Layout } from "./model/bundle.js";
import type { Evaluation, Expansion } from "./model/evaluation.js";
import type { LoadedProject } from "./model/project.js";
import type { SourceFile } from "./model/source.js";
import { diagnosticsOf, fail, producedBy, succeed, timed, type StageContext, type StageResult } from "./model/stage.js";

export interface BuildOptions {
  /** Project directory or root descriptor. */
  readonly target: string;
  /** Environments to build. @default all of the release's */
  readonly environments?: readonly string[];
  readonly kubeVersion?: string;
  /** Output root; bundles go to `<outDir>/<release>/<environment>/`. @default the project's `out` */
  readonly outDir?: string;
  readonly layout?: Layout;
  /** false for `tkc check`: run every check, write nothing. */
  readonly write: boolean;
  /** Record different content under an already released version, even when strict. */
  readonly allowSameVersion?: boolean;
  /** Refuse different content under an already released version (TKC4001); also `strictVersion` in tkc.config.json. */
  readonly strictVersion?: boolean;
  /** Severity of policy findings (unpinned image tags, ...); also `policy` in tkc.config.json. @default "error" */
  readonly policy?: "error" | "warning";
  /** Keep at most this many revisions per environment. */
  readonly keep?: number;
  /** Values for the build inputs: `--set` and `--values` (docs/dsl.md, "Build inputs"). */
  readonly inputs?: InputArgs;
  /** Forwarded output of console.log in descriptors. */
  readonly log?: (line: string) => void;
}

/**
 * The stages, in order: load and the warm check (build-front.ts, also tkc build's fast path) ->
 * CRD conversion -> typecheck (in parallel with evaluation) -> evaluate -> per environment
 * expand -> validate -> plan -> record. Only this module (and its front) knows the order.
 * The report carries the text of every file this build read: code frames are drawn from these
 * only, never from a path a diagnostic (or a descriptor) names.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  // performance.now() counts from process start: what it took to get here (node, loading tkc).
  const ctx: StageContext = { timings: { startup: Math.round(performance.now()) }, read: new Map(), log: options.log ?? ((line) => process.stderr.write(line + "\n")) };
  const done = finisher(ctx, performance.now());
  const layout = options.layout ?? "files";
  const front = buildFront({ ...options, layout, supply: () => suppliedValues(options.inputs ?? {}) }, ctx);
  if ("stopped" in front) return done.failed(front.stopped);
  done.keep(front.warnings);
  if ("warm" in front) return done.built(front.warm[0]?.manifest.release, front.warm[0]?.manifest.version, front.warm, []);
  const { loaded, outRoot, supplied, warmKey } = front;
  const { project, sources } = loaded;
  const { kubeVersion } = project.config;
  const policy = options.policy ?? project.config.policy ?? "error";
  const crds = projectCrds(loaded.crdSchemas);
  if (hasErrors(crds.diagnostics)) return done.failed(crds.diagnostics);

  // Asked now, answered while the build runs; only recorded revisions use it.
  const commit = options.write ? sourceCommit(project.dir) : Promise.resolve(null);
  const checking = timed(ctx.timings, "typecheck", () => checkTypes({ projectDir: project.dir, sources: sources.filter((s) => s.path.endsWith(".ts")), kubeVersion }, ctx));
  const evaluating = timed(ctx.timings, "evaluate", () => evaluate({ project, environments: options.environments, inputs: supplied }, ctx));
  // While esbuild bundles (in its own process), load the validators this build will need.
  validatorsFor(kubeVersion);
  const evaluated = await evaluating;
  // Type errors explain everything after them, but tsc is still running: expand, validate and
  // plan meanwhile (on the other core), and let type errors win whenever the build fails.
  if (!evaluated.ok) {
    const later = await checkedAnyway(evaluated.partial, { loaded, customResources: crds.customResources, policy }, options.environments, ctx);
    return done.failed(await typeErrorsFirst(checking, [...evaluated.diagnostics, ...later], ctx));
  }
  const { release } = evaluated.value;
  const wanted = options.environments ?? Object.keys(release.environments);
  const planned = await planEnvironments({ loaded, customResources: crds.customResources, policy, evaluation: evaluated.value, environments: wanted, layout }, ctx);
  const checked = await checking;
  if (!checked.ok) return done.failed(await typeErrorsFirst(checking, [], ctx));
  const diagnostics = dedupeAcrossEnvironments([...checked.warnings.map((diagnostic) => ({ diagnostic })), ...planned.tagged]);
  if (hasErrors(diagnostics)) return done.failed(diagnostics);

  if (!options.write) {
    const reports = checkedReports(outRoot, release.name, planned.plans);
    return reports.ok ? done.built(release.name, release.version, reports.value, diagnostics) : done.failed(reports.diagnostics);
  }
  // Only now, with every environment valid, does anything touch the output directory.
  const strictVersion = options.strictVersion ?? project.config.strictVersion ?? false;
  const recorded = await timed(ctx.timings, "write", async () => recordRelease({ outRoot, plans: planned.plans, sourceCommit: await commit, strictVersion, allowSameVersion: options.allowSameVersion, keep: options.keep }));
  if (!recorded.ok) return done.failed([...diagnostics, ...recorded.diagnostics]);
  // Only warnings are left here (errors returned above): the warm path says them again.
  rememberBuild(project.dir, warmKey, { ...recorded.value, assets: uncoveredSources(project.dir, planned.sources, sources), warnings: diagnostics });
  return done.built(release.name, release.version, recorded.value.reports, diagnostics);
}

interface PlanEnvironmentsInput {
  readonly loaded: LoadedProject;
  readonly customResources: CustomResourceSchemas | undefined;
  readonly policy: "error" | "warning";
  readonly evaluation: Evaluation;
  readonly environments: readonly string[];
  readonly layout: Layout;
  /** false: expand and validate only (the build has failed already). */
  readonly plan?: boolean;
}

/**
 * Per environment: expand -> validate -> plan. Where objects came from is resolved only when a
 * diagnostic is to point there (then the environment is checked again, with origins).
 */
async function planEnvironments({ loaded, customResources, policy, evaluation: evaluated, environments, layout, plan = true }: PlanEnvironmentsInput, ctx: StageContext) {
  const tagged: { diagnostic: Diagnostic; environment?: string }[] = [];
  const plans: EnvironmentPlan[] = [];
  const { kubeVersion } = loaded.project.config;
  let evaluation = evaluated;
  let sources: readonly SourceFile[] = [];
  try {
    const bundled = bundleSources(loaded, evaluation, ctx);
    sources = bundled.recorded;
    tagged.push(...bundled.warnings.map((diagnostic) => ({ diagnostic })));
    const check = (environment: string) => checkEnvironment({ evaluation, environment, kubeVersion, customResources, texts: (file) => bundled.texts.get(file) }, policy, ctx);
    const checkedEnvironments: { environment: string; expansion: Expansion; millis: number }[] = [];
    for (const environment of environments) {
      const started = performance.now();
      let checked = check(environment);
      if (diagnosticsOf(checked).length > 0 && evaluation.pendingOrigins) {
        evaluation = await evaluation.withOrigins();
        checked = check(environment);
      }
      // With one environment there is no other to tell apart: its diagnostics name none.
      tagged.push(...diagnosticsOf(checked).map((diagnostic) => (environments.length > 1 ? { diagnostic, environment } : { diagnostic })));
      if (checked.ok) checkedEnvironments.push({ environment, expansion: checked.value, millis: performance.now() - started });
    }
    // Every diagnostic that could point into the descriptors has been found: the evaluation
    // process (~90 MiB at N=500) ends now, before planning and writing take the host to its peak.
    evaluation.close();
    for (const { environment, expansion, millis } of plan ? checkedEnvironments : []) {
      const started = performance.now();
      const planned = timed(ctx.timings, `emit:${environment}`, () => planEnvironment({ evaluation, expansion, kubeVersion, layout, sources }));
      if (planned.ok) plans.push({ environment, plan: planned.value, millis: millis + performance.now() - started });
    }
  } finally {
    evaluation.close();
  }
  return { plans, tagged, sources };
}

/**
 * What the later stages find in an evaluation that reported mistakes at the stdlib calls: each
 * environment is still expanded and validated (nothing is planned to be written), so independent
 * mistakes are all reported in one run.
 */
async function checkedAnyway(partial: Evaluation | undefined, checks: Pick<PlanEnvironmentsInput, "loaded" | "customResources" | "policy">, only: readonly string[] | undefined, ctx: StageContext): Promise<readonly Diagnostic[]> {
  if (!partial) return [];
  const environments = only ?? Object.keys(partial.release.environments);
  const planned = await planEnvironments({ ...checks, evaluation: partial, environments, layout: "files", plan: false }, ctx);
  return dedupeAcrossEnvironments(planned.tagged);
}

/** A failed build's diagnostics: tsc's type errors when it found some (see preferPurityErrors), else the stage's own. */
async function typeErrorsFirst(checking: ReturnType<typeof checkTypes>, diagnostics: readonly Diagnostic[], ctx: StageContext): Promise<readonly Diagnostic[]> {
  const checked = await checking;
  return checked.ok ? diagnostics : preferPurityErrors(checked.diagnostics, diagnostics, ctx.read);
}

/** Expand one environment, then validate what it produced: both stages' mistakes in one run. */
function checkEnvironment(input: Parameters<typeof expandEnvironment>[0], policy: "error" | "warning", ctx: StageContext): StageResult<Expansion> {
  const { environment, kubeVersion, customResources } = input;
  const expanded = timed(ctx.timings, `expand:${environment}`, () => expandEnvironment(input));
  const expansion = producedBy(expanded);
  if (!expansion) return expanded;
  const validated = timed(ctx.timings, `validate:${environment}`, () => validate({ objects: expansion.objects, kubeVersion, options: { customResources, policy } }));
  const diagnostics = [...diagnosticsOf(expanded), ...dropFollowOns(diagnosticsOf(expanded), diagnosticsOf(validated))];
  return expanded.ok && validated.ok ? succeed(expansion, diagnostics) : fail(diagnostics, expansion);
}

/** How a build ends: with reports (and its total time) or with the diagnostics that stopped it. */
function finisher(ctx: StageContext, started: number) {
  const sources = () => Object.fromEntries(ctx.read);
  // Warnings of the front (loading the sources), in whatever report the build ends with.
  let kept: readonly Diagnostic[] = [];
  return {
    keep: (warnings: readonly Diagnostic[]) => void (kept = warnings),
    failed: (diagnostics: readonly Diagnostic[]): BuildReport => ({ ok: false, environments: [], diagnostics: [...kept, ...diagnostics], timings: ctx.timings, sources: sources() }),
    built: (release: string | undefined, version: string | undefined, environments: readonly EnvironmentReport[], diagnostics: readonly Diagnostic[]): BuildReport => {
      ctx.timings.total = Math.round((performance.now() - started) * 10) / 10;
      return { ok: true, release, version, environments, diagnostics: [...kept, ...diagnostics], timings: ctx.timings, sources: sources() };
    },
  };
}
