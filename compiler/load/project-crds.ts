import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/source.js";
import { projectCrds } from "../crd/project.js";
import type { CustomResourceSchemas } from "../validate/schema/custom.js";
import { readCrdSchemas, type CrdFolders } from "./crds.js";

/** Read and convert the schemas of CRD folders: the custom resources, the files read, and what is wrong. */
export function loadCrds(project: { readonly dir: string; readonly configFile?: string }, folders: CrdFolders): { customResources?: CustomResourceSchemas; files: SourceFile[]; diagnostics: Diagnostic[] } {
  const read = readCrdSchemas(project, folders);
  const crds = projectCrds(read.files);
  return { ...(crds.customResources ? { customResources: crds.customResources } : {}), files: read.files, diagnostics: [...read.diagnostics, ...crds.diagnostics] };
}
