import { hasErrors } from "../diagnostics/diagnostic.js";
import type { LoadedProject, Project } from "../model/project.js";
import { fail, succeed, type StageContext, type StageResult } from "../model/stage.js";
import type { SourceFile } from "../model/source.js";
import { sha256 } from "../cache/cache-dir.js";
import { crdFoldersOf, readCrdSchemas } from "./crds.js";
import { listDescriptors } from "./project.js";
import { readDescriptor, readSource } from "./sources.js";

/**
 * The load stage's second step: read every source of the project (descriptors, imported CRD
 * schemas, the config) once. Each text joins `ctx.read`. The CRD schemas are converted later
 * (compiler/crd/project.ts), by a build that has work to do.
 */
export function loadSources(project: Project, ctx: Pick<StageContext, "read">): StageResult<LoadedProject> {
  const listed = listDescriptors(project.dir);
  if (listed.refused.length > 0) return fail(listed.refused);
  const descriptors = listed.files.map((file) => readDescriptor(file));
  const sources: SourceFile[] = descriptors.map((read) => read.source);
  const crds = readCrdSchemas(project, crdFoldersOf(project.config));
  const diagnostics = [...descriptors.flatMap((read) => (read.problem ? [read.problem] : [])), ...crds.diagnostics];
  if (hasErrors(diagnostics)) return fail(diagnostics);
  sources.push(...crds.files);
  if (project.configFile) sources.push(configSource(project.configFile, ctx.read));
  for (const source of sources) ctx.read.set(source.path, source.text);
  return succeed({ project, sources, crdSchemas: crds.files }, diagnostics);
}

/** The config as loadProject read it (its text is in `read`), not read again. */
function configSource(file: string, read: ReadonlyMap<string, string>): SourceFile {
  const text = read.get(file);
  return text === undefined ? readSource(file) : { path: file, text, sha256: sha256(text) };
}
