import { existsSync, statSync } from "node:fs";
import { checkConfiguredOutDir, refuseLinks } from "./release/output-path.js";
import { performance } from "node:perf_hooks";
import { isAbsolute, join, resolve } from "node:path";
import { hasErrors, error, type Diagnostic } from "./diagnostics/diagnostic.js";
import { dedupeAcrossEnvironments } from "./diagnostics/dedupe.js";
import { listDescriptors, loadProject, type Project } from "./load/project.js";
import { readSource, relativeSource } from "./load/sources.js";
import { typecheck, type TypecheckOutput } from "./typecheck/typecheck.js";
import { evaluate } from "./evaluate/evaluate.js";
import { expandEnvironment } from "./expand/expand.js";
import { validateObjects } from "./validate/validate.js";
import { validatorsFor } from "./validate/schema/ajv.js";
import { loadProjectCrds } from "./crd/project.js";
import { planBundle, type BundlePlan, type Layout } from "./emit/bundle-plan.js";
import { checkVersion, recordBuild } from "./release/record.js";
import { currentBundleDir, historyDir } from "./release/layout.js";
import { latestRevision } from "./release/revision.js";
import { historyDiagnostic } from "./release/diagnose.js";
import { sourceCommit } from "./release/source-commit.js";
import { cacheDir, readCache, sha256, writeCache } from "./cache/cache-dir.js";
import { tkcVersion, toolchainFingerprint } from "./paths.js";
import type { SourceFile } from "./model/source.js";
import { suppliedValues, type InputArgs } from "./inputs/supplied.js";
import { checkSuppliedValues, recordedInputs } from "./inputs/check.js";
import type { BuildReport, EnvironmentReport } from "./model/build.js";

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
  /** Keep at most this many revisions per environment. */
  readonly keep?: number;
  /** Values for the build inputs: `--set` and `--values` (docs/dsl.md, "Build inputs"). */
  readonly inputs?: InputArgs;
  /** Forwarded output of console.log in descriptors. */
  readonly log?: (line: string) => void;
}

/**
 * Build, and hand back with the report the text of every file this build read: code frames are
 * drawn from these only, never from a path a diagnostic (or a descriptor) names.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const read = new Map<string, string>();
  const report = await runStages(options, read);
  return { ...report, sources: Object.fromEntries(read) };
}

// The stages, in order: load -> typecheck (in parallel with evaluation) -> evaluate -> expand ->
// validate -> emit. This is the only module that knows the order.
async function runStages(options: BuildOptions, read: Map<string, string>): Promise<BuildReport> {
  // performance.now() counts from process start: what it took to get here (node, loading tkc).
  const timings: Record<string, number> = { startup: Math.round(performance.now()) };
  const started = performance.now();
  const lap = (name: string, since: number) => (timings[name] = Math.round((performance.now() - since) * 10) / 10);

  const loaded = loadProject(options.target, { kubeVersion: options.kubeVersion });
  for (const [path, text] of Object.entries(loaded.read)) read.set(path, text);
  if (!loaded.ok) return failed(loaded.diagnostics, timings);
  const project = loaded.value;
  const kubeVersion = project.config.kubeVersion;
  const layout = options.layout ?? "files";
  // A configured outDir stays inside the project; --out on the command line is the user's choice.
  const outsideProject = options.outDir === undefined ? checkConfiguredOutDir(project.dir, project.config.outDir) : undefined;
  if (outsideProject) {
    return failed([error("TKC4007", outsideProject, { ...(project.configFile ? { location: { file: project.configFile, line: 1, column: 1 } } : {}), hint: "point outDir at a folder inside the project, or pass --out on the command line to write elsewhere" })], timings);
  }
  const outRoot = resolve(options.outDir ?? join(project.dir, project.config.outDir));

  let t = performance.now();
  const listed = listDescriptors(project.dir);
  if (listed.refused.length > 0) return failed(listed.refused, timings);
  const sources = listed.files.map(readSource);
  const crds = loadProjectCrds(project);
  if (hasErrors(crds.diagnostics)) return failed(crds.diagnostics, timings);
  sources.push(...crds.files.map(readSource));
  if (project.configFile) sources.push(readSource(project.configFile));
  for (const source of sources) read.set(source.path, source.text);
  lap("load", t);

  const supplied = suppliedValues(options.inputs ?? {});
  if (supplied.diagnostics.length > 0) return failed(supplied.diagnostics, timings);

  // Warm path: same inputs as a previous build whose bundles are still on disk -> nothing to do.
  const buildKey = sha256([toolchainFingerprint(), kubeVersion, layout, (options.environments ?? ["*"]).join(","), JSON.stringify(supplied.values), ...sources.map((s) => `${s.path}\0${s.sha256}`)].join("\n"));
  const cache = cacheDir(project.dir);
  if (options.write) {
    const warm = warmBuild(cache, buildKey, outRoot);
    if (warm) {
      lap("total", started);
      return { ok: true, release: warm[0]?.manifest.release, version: warm[0]?.manifest.version, environments: warm, diagnostics: [], timings };
    }
  }

  // Asked now, answered while the build runs; only recorded revisions use it.
  const commit = options.write ? sourceCommit(project.dir) : Promise.resolve(null);
  t = performance.now();
  const typecheckStarted = t;
  const checking = typecheck({ projectDir: project.dir, sources: sources.filter((s) => s.path.endsWith(".ts")), kubeVersion }).then((result) => {
    lap("typecheck", typecheckStarted);
    readCheckedFiles(result, read);
    return result;
  });

  const evaluating = evaluate(project, options.log, timings, options.environments ?? [], { inputs: supplied.values });
  // While esbuild bundles (in its own process), load the validators this build will need.
  validatorsFor(kubeVersion);
  const evaluated = await evaluating;
  lap("evaluate", t);
  // Type errors explain everything after them, but tsc is still running: expand, validate and
  // plan meanwhile (on the other core), and let type errors win whenever the build fails.
  const failedAfterTypecheck = async (diagnostics: readonly Diagnostic[]) => {
    const checked = await checking;
    return failed(hasErrors(checked.diagnostics) ? preferPurityErrors(checked.diagnostics, evaluated.diagnostics, read) : diagnostics, timings);
  };
  if (!evaluated.evaluation) return failedAfterTypecheck(evaluated.diagnostics);
  let evaluation = evaluated.evaluation;
  const { release } = evaluation;

  const badValues = checkSuppliedValues(supplied.values, evaluation, Object.keys(release.environments));
  if (badValues.length > 0) {
    evaluation.close();
    return failedAfterTypecheck(badValues);
  }

  const wanted = options.environments ?? Object.keys(release.environments);
  const unknown = wanted.filter((env) => !(env in release.environments));
  if (unknown.length > 0) {
    const { origin } = (await evaluation.withOrigins()).release;
    evaluation.close();
    return failedAfterTypecheck([error("TKC1005", `release '${release.name}' has no environment '${unknown[0]}'`, { location: origin, hint: `choose one of: ${Object.keys(release.environments).join(", ")}` })]);
  }

  const tagged: { diagnostic: Diagnostic; environment?: string }[] = [];
  const plans: { environment: string; plan: BundlePlan; millis: number }[] = [];
  const inputSources = readInputs(evaluation.inputs, sources);
  const bundleSources = collectBundleSources(project, inputSources, sources, read);
  const texts = new Map(inputSources.map((s) => [s.path, s.text]));
  const check = (from: typeof evaluation, environment: string) => {
    t = performance.now();
    const expanded = expandEnvironment(from, environment, kubeVersion, crds.customResources, (file) => texts.get(file));
    lap(`expand:${environment}`, t);
    if (!expanded.expansion) return { expanded, problems: [] };
    t = performance.now();
    const problems = validateObjects(expanded.expansion.objects, kubeVersion, { customResources: crds.customResources });
    lap(`validate:${environment}`, t);
    return { expanded, problems };
  };
  try {
    for (const environment of wanted) {
      const envStart = performance.now();
      let { expanded, problems } = check(evaluation, environment);
      // Where objects came from is resolved only when a diagnostic is to point there.
      if ((expanded.diagnostics.length > 0 || problems.length > 0) && evaluation.pendingOrigins) {
        evaluation = await evaluation.withOrigins();
        ({ expanded, problems } = check(evaluation, environment));
      }
      tagged.push(...expanded.diagnostics.map((diagnostic) => ({ diagnostic, environment })));
      tagged.push(...problems.map((diagnostic) => ({ diagnostic, environment })));
      if (!expanded.expansion || hasErrors(expanded.diagnostics) || hasErrors(problems)) continue;
      t = performance.now();
      const plan = planBundle({
        release: release.name,
        version: release.version,
        environment,
        namespace: expanded.expansion.namespace,
        kubeVersion,
        compilerVersion: tkcVersion(),
        layout,
        sources: bundleSources,
        inputs: recordedInputs(evaluation.declaredInputs, environment),
        dependencies: evaluation.dependencies.get(environment),
        objects: expanded.expansion.objects.map((o) => o.object),
      });
      lap(`emit:${environment}`, t);
      plans.push({ environment, plan, millis: performance.now() - envStart });
    }
  } finally {
    evaluation.close();
  }

  const checked = await checking;
  if (hasErrors(checked.diagnostics)) return failed(preferPurityErrors(checked.diagnostics, evaluated.diagnostics, read), timings);
  tagged.unshift(...checked.diagnostics.map((diagnostic) => ({ diagnostic })));
  const diagnostics = dedupeAcrossEnvironments(wanted.length > 1 ? tagged : tagged.map(({ diagnostic }) => ({ diagnostic })));
  if (hasErrors(diagnostics)) return failed(diagnostics, timings);

  if (!options.write) {
    let reports: EnvironmentReport[];
    try {
      reports = plans.map(({ environment, plan, millis }): EnvironmentReport => ({
        environment, objects: plan.manifest.objects.length, digest: plan.manifest.digest, outDir: currentBundleDir(outRoot, release.name, environment), outcome: "checked", manifest: plan.manifest, files: plan.files, millis,
      }));
    } catch (failure) {
      return failed([historyDiagnostic(failure)], timings);
    }
    lap("total", started);
    return { ok: true, release: release.name, version: release.version, environments: reports, diagnostics, timings };
  }

  // Only now, with every environment valid, does anything touch the output directory.
  t = performance.now();
  const recorded = recordAll(outRoot, plans, await commit, options, options.strictVersion ?? project.config.strictVersion ?? false);
  lap("write", t);
  if (!recorded.ok) return failed([...diagnostics, ...recorded.diagnostics], timings);
  const reports = recorded.reports;
  if (diagnostics.length === 0) {
    const stats = recorded.stats;
    const covered = new Set(sources.map((s) => s.path));
    const assets = Object.fromEntries(bundleSources.filter((s) => !covered.has(join(project.dir, s.path))).map((s) => [join(project.dir, s.path), s.sha256]));
    writeCache(cache, `build-${buildKey}.json`, { reports, stats, assets } satisfies WarmEntry);
  }
  lap("total", started);
  return { ok: true, release: release.name, version: release.version, environments: reports, diagnostics, timings };
}

interface WarmEntry {
  readonly reports: readonly EnvironmentReport[];
  /** Per bundle directory: file -> [size, mtime] right after writing (a stat cache, as git keeps). */
  readonly stats: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
  /** Inputs of the evaluation the build key does not cover (imported text files), with their sha256. */
  readonly assets: Readonly<Record<string, string>>;
}

/** Reuse a previous build's reports when every bundle it wrote is untouched on disk. */
function warmBuild(cache: string, key: string, outRoot: string): EnvironmentReport[] | undefined {
  const previous = readCache<WarmEntry>(cache, `build-${key}.json`);
  if (!previous || previous.reports.length === 0) return undefined;
  for (const [file, digest] of Object.entries(previous.assets ?? {})) {
    if (!existsSync(file) || readSource(file).sha256 !== digest) return undefined;
  }
  for (const report of previous.reports) {
    const expectedDir = join(outRoot, report.manifest.release, report.environment);
    const stats = previous.stats[expectedDir];
    if (report.outDir !== expectedDir || !stats || !statsMatch(expectedDir, stats)) return undefined;
    // The history must still end in this bundle (it may have been rolled back or pruned since).
    try {
      refuseLinks(outRoot, expectedDir);
      refuseLinks(outRoot, historyDir(outRoot, report.manifest.release, report.environment));
      if (latestRevision(historyDir(outRoot, report.manifest.release, report.environment))?.record.digest !== report.digest) return undefined;
    } catch {
      return undefined;
    }
  }
  return previous.reports.map((r) => ({ ...r, outcome: "unchanged" as const, millis: 0 }));
}

function statsMatch(dir: string, stats: Readonly<Record<string, readonly [number, number]>>): boolean {
  for (const [file, [size, mtime]] of Object.entries(stats)) {
    // No exists-then-stat: a concurrent build may swap the bundle in between.
    const stat = statSync(join(dir, file), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtime) return false;
  }
  return true;
}

/** Check the version rule for every environment, then record each build in its history. */
function recordAll(
  outRoot: string,
  plans: readonly { environment: string; plan: BundlePlan; millis: number }[],
  commit: string | null,
  options: BuildOptions,
  strictVersion: boolean,
): { ok: true; reports: EnvironmentReport[]; stats: Record<string, Record<string, [number, number]>> } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    const strict = strictVersion && !options.allowSameVersion;
    const refusals = plans.map(({ plan }) => checkVersion(outRoot, plan, strict)).filter((d): d is Diagnostic => d !== undefined);
    if (refusals.length > 0) return { ok: false, diagnostics: refusals };
    const stats: Record<string, Record<string, [number, number]>> = {};
    const reports = plans.map(({ environment, plan, millis }): EnvironmentReport => {
      const outcome = recordBuild(plan, { outRoot, allowSameVersion: options.allowSameVersion, strictVersion: strict, keep: options.keep, sourceCommit: commit });
      const outDir = currentBundleDir(outRoot, plan.manifest.release, environment);
      // Taken under the history lock: another build may replace the bundle right after it.
      stats[outDir] = outcome.stats;
      return {
        environment,
        objects: outcome.manifest.objects.length,
        digest: outcome.manifest.digest,
        outDir,
        outcome: outcome.status,
        revision: outcome.revision,
        changes: outcome.changes,
        ...(outcome.note ? { note: outcome.note } : {}),
        manifest: outcome.manifest,
        millis,
      };
    });
    return { ok: true, reports, stats };
  } catch (failure) {
    return { ok: false, diagnostics: [historyDiagnostic(failure)] };
  }
}

/** The files that went into the evaluation, as this build read them. */
function readInputs(inputs: readonly string[], sources: readonly SourceFile[]): SourceFile[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  return inputs.map((path) => byPath.get(path) ?? readSource(path));
}

/**
 * Files recorded in bundle.json: what went into the evaluation, plus the project config. The
 * bundle stage admits only files inside the project, so every path is project-relative.
 */
function collectBundleSources(project: Project, inputs: readonly SourceFile[], sources: readonly SourceFile[], read: Map<string, string>): SourceFile[] {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const files = [...inputs];
  if (project.configFile) files.push(byPath.get(project.configFile) ?? readSource(project.configFile));
  for (const file of files) read.set(file.path, file.text);
  const relativeFiles = files.map((s) => relativeSource(s, project.dir));
  const escaped = relativeFiles.find((s) => s.path.startsWith("../") || isAbsolute(s.path));
  if (escaped) throw new Error(`internal: bundle input ${escaped.path} lies outside the project although the bundle stage admitted it`);
  return relativeFiles;
}

/**
 * Project files tsc read beyond the listed sources (an imported `.json`, a `.ts` in a skipped
 * folder) join the build's sources when tsc reports a problem in them, for its code frame.
 */
function readCheckedFiles(checked: TypecheckOutput, read: Map<string, string>): void {
  const located = new Set(checked.diagnostics.map((d) => d.location?.file));
  for (const file of checked.files ?? []) {
    if (read.has(file) || !located.has(file)) continue;
    try {
      if (statSync(file).isFile()) read.set(file, readSource(file).text);
    } catch {
      // gone since tsc read it: no code frame
    }
  }
}

/** Imports refused for leaving the project (compiler/evaluate/confine-imports.ts). */
const CONFINEMENT_CODES = new Set(["TKC2030", "TKC2031"]);

/**
 * TypeScript reports an import of a Node.js module as "cannot find module"; tkc's own message
 * (descriptors must be pure) says what is really wrong, so it replaces TypeScript's. An import
 * refused for leaving the project wins too, and tsc's findings in files this build did not read
 * itself (which tsc may have followed out of the project) are dropped with it: they could quote them.
 */
function preferPurityErrors(typeErrors: readonly Diagnostic[], evaluationErrors: readonly Diagnostic[], read: ReadonlyMap<string, string>): Diagnostic[] {
  const confined = evaluationErrors.filter((d) => CONFINEMENT_CODES.has(d.code));
  const purity = [...evaluationErrors.filter((d) => d.code === "TKC2006"), ...confined];
  if (purity.length === 0) return [...typeErrors];
  const covered = new Set(purity.map((d) => `${d.location?.file}:${d.location?.line}`));
  // TS2307 "cannot find module", TS2591 "cannot find name 'fs'... install @types/node".
  const superseded = (d: Diagnostic) =>
    ((d.code === "TS2307" || d.code === "TS2591") && covered.has(`${d.location?.file}:${d.location?.line}`)) ||
    (confined.length > 0 && (d.location === undefined || !read.has(d.location.file)));
  return [...purity, ...typeErrors.filter((d) => !superseded(d))];
}

function failed(diagnostics: readonly Diagnostic[], timings: Record<string, number>): BuildReport {
  return { ok: false, environments: [], diagnostics, timings };
}
