/**
 * The schema files of a project's imported CRDs (`tkc import crd`): every `*.schema.json` under
 * the project's CRD folders, read as sources. The folders are `"crds"` of tkc.config.json (paths
 * relative to the project), else `crds/` when it exists. compiler/crd turns them into schemas.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/source.js";
import { CrdCode } from "../crd/codes.js";
import { checkInsideProject } from "./confine.js";
import { irregularFile, readSource } from "./sources.js";
import { parseConfig } from "./config.js";

export const DEFAULT_CRD_DIR = "crds";

export interface CrdFolders {
  readonly dirs: readonly string[];
  /** Named by the user (in the config or on the command line): then a missing folder is an error. */
  readonly explicit: boolean;
}

/** The CRD folders of a project's config: its `"crds"`, else `["crds"]`. */
export function crdFoldersOf(config: { readonly crds?: readonly string[] }): CrdFolders {
  return config.crds !== undefined ? { dirs: config.crds, explicit: true } : { dirs: [DEFAULT_CRD_DIR], explicit: false };
}

function schemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...schemaFiles(full));
    else if (entry.name.endsWith(".schema.json")) out.push(full);
  }
  return out;
}

/** Read the schema files of the CRD folders. A folder or file that leads out of the project is refused before anything is read. */
export function readCrdSchemas(project: { readonly dir: string; readonly configFile?: string }, folders: CrdFolders): { files: SourceFile[]; diagnostics: Diagnostic[] } {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const dir of folders.dirs) {
    const absolute = resolve(project.dir, dir);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      if (folders.explicit) {
        diagnostics.push(error(CrdCode.badSchemaFile, `CRD folder ${dir} (tkc.config.json "crds") does not exist`, {
          ...(project.configFile ? { location: { file: project.configFile, line: 1, column: 1 } } : {}),
          hint: "create it with `tkc import crd <crd.yaml> --out " + dir + "` or fix the path",
        }));
      }
      continue;
    }
    const outsideDir = checkInsideProject(absolute, project.dir);
    if (outsideDir) {
      diagnostics.push(outsideDir);
      continue;
    }
    for (const file of schemaFiles(absolute)) {
      const outside = checkInsideProject(file, project.dir) ?? irregularFile(file, relative(project.dir, file));
      if (outside) diagnostics.push(outside);
      else files.push(readSource(file));
    }
  }
  return { files, diagnostics };
}

/**
 * The CRD folders named by a tkc.config.json read outside a build (`tkc validate`, `tkc import
 * crd`). Only a bad `"crds"` setting is reported: the rest of the config is the build's business.
 */
export function configuredCrdFolders(configFile: string | undefined): { folders: CrdFolders; diagnostics: Diagnostic[] } {
  if (!configFile || !existsSync(configFile)) return { folders: crdFoldersOf({}), diagnostics: [] };
  const irregular = irregularFile(configFile);
  if (irregular) return { folders: { dirs: [], explicit: true }, diagnostics: [irregular] };
  const parsed = parseConfig(configFile, readFileSync(configFile, "utf8"));
  const diagnostics = parsed.diagnostics.filter((d) => d.code === CrdCode.badSchemaFile);
  return { folders: diagnostics.length > 0 ? { dirs: [], explicit: true } : crdFoldersOf(parsed.config), diagnostics };
}
