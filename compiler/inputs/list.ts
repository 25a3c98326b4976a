import { loadProject } from "../load/project.js";
import { evaluate, type EvaluatedInput } from "../evaluate/evaluate.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * The inputs a project declares (for `tkc inputs`): load the project and run its root
 * descriptor sealed, as a build does, but expand no environment and check nothing else.
 */
export async function listInputs(target: string, log: (line: string) => void): Promise<{ inputs?: readonly EvaluatedInput[]; projectDir?: string; diagnostics: readonly Diagnostic[]; sources: Readonly<Record<string, string>> }> {
  const read = new Map<string, string>();
  const loaded = loadProject({ target }, { read });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics, sources: Object.fromEntries(read) };
  const project = loaded.value;
  const evaluated = await evaluate({ project, loadOnly: true }, { log, timings: {} });
  if (!evaluated.ok) return { diagnostics: evaluated.diagnostics, sources: Object.fromEntries(read) };
  evaluated.value.close();
  return { inputs: evaluated.value.declaredInputs, projectDir: project.dir, diagnostics: [], sources: Object.fromEntries(read) };
}
