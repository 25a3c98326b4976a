import { isAbsolute, join } from "node:path";
import { readDescriptor, readSource, relativeSource } from "../load/sources.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Evaluation } from "../model/evaluation.js";
import type { LoadedProject } from "../model/project.js";
import type { SourceFile } from "../model/source.js";
import type { StageContext } from "../model/stage.js";

export interface BundleSources {
  /** What bundle.json records: the evaluation's files and the project config, project-relative. */
  readonly recorded: readonly SourceFile[];
  /** Text of the evaluation's files by absolute path (field origins are found in them). */
  readonly texts: ReadonlyMap<string, string>;
  /** An imported text file that is not UTF-8 (TKC1115): esbuild read its bytes as U+FFFD. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * The files that went into the evaluation, as this build read them (an imported text file or a
 * rendered chart file is read here), plus the project config. The bundle stage admits only files
 * inside the project, so every recorded path is project-relative. Each text joins `ctx.read`.
 */
export function bundleSources({ project, sources }: LoadedProject, evaluation: Evaluation, ctx: Pick<StageContext, "read">): BundleSources {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const warnings: Diagnostic[] = [];
  const inputs = evaluation.inputs.map((path) => byPath.get(path) ?? importedFile(path, warnings));
  const files = [...inputs];
  if (project.configFile) files.push(byPath.get(project.configFile) ?? readSource(project.configFile));
  for (const file of files) ctx.read.set(file.path, file.text);
  const recorded = files.map((s) => relativeSource(s, project.dir));
  const escaped = recorded.find((s) => s.path.startsWith("../") || isAbsolute(s.path));
  if (escaped) throw new Error(`internal: bundle input ${escaped.path} lies outside the project although the bundle stage admitted it`);
  return { recorded, texts: new Map(inputs.map((s) => [s.path, s.text])), warnings };
}

/** A file a descriptor imports as text (a config template, a rendered chart's file), with its encoding checked. */
function importedFile(path: string, warnings: Diagnostic[]): SourceFile {
  const { source, problem } = readDescriptor(path, "text file");
  if (problem) warnings.push(problem);
  return source;
}

/** Files of the bundle the build key does not cover (imported text files), by absolute path, with their sha256. */
export function uncoveredSources(projectDir: string, recorded: readonly SourceFile[], covered: readonly SourceFile[]): Record<string, string> {
  const paths = new Set(covered.map((s) => s.path));
  return Object.fromEntries(recorded.filter((s) => !paths.has(join(projectDir, s.path))).map((s) => [join(projectDir, s.path), s.sha256]));
}
