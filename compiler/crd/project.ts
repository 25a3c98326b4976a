/**
 * A project's imported CRDs (`tkc import crd`): every `*.schema.json` under the project's CRD
 * folders, each carrying its `x-tkc-custom-resource` record. The folders are `"crds"` of
 * tkc.config.json (paths relative to the project), else `crds/` when it exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { projectCustomResources, type CustomResourceSchemas } from "../validate/schema/custom.js";
import type { CustomKindInfo } from "../../schemas/crds/index.js";
import type { SchemaNode } from "../../schemas/index.js";
import { CrdCode } from "./codes.js";
import { RESOURCE_KEYWORD } from "./generate.js";
import { checkInsideProject } from "../load/confine.js";

export const DEFAULT_CRD_DIR = "crds";

export interface ProjectCrds {
  /** Undefined when the project imported no CRD. */
  readonly customResources?: CustomResourceSchemas;
  /** Absolute paths of the schema files read (inputs of the build: part of its cache key and digests). */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The CRD folders of a project: tkc.config.json `"crds"`, else `["crds"]`. */
export function crdDirsOf(configFile?: string): { dirs: string[]; explicit: boolean; diagnostics: Diagnostic[] } {
  if (configFile && existsSync(configFile)) {
    let config: unknown;
    try {
      config = JSON.parse(readFileSync(configFile, "utf8"));
    } catch {
      return { dirs: [DEFAULT_CRD_DIR], explicit: false, diagnostics: [] }; // the load stage reports bad JSON
    }
    const crds = (config as { crds?: unknown } | null)?.crds;
    if (crds !== undefined) {
      if (!Array.isArray(crds) || crds.some((c) => typeof c !== "string")) {
        return { dirs: [], explicit: true, diagnostics: [error(CrdCode.badSchemaFile, '"crds" in tkc.config.json must be a list of folders', { location: { file: configFile, line: 1, column: 1 }, hint: 'e.g. "crds": ["crds"]' })] };
      }
      return { dirs: crds as string[], explicit: true, diagnostics: [] };
    }
  }
  return { dirs: [DEFAULT_CRD_DIR], explicit: false, diagnostics: [] };
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

function isKindInfo(value: unknown): value is CustomKindInfo {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v["apiVersion"] === "string" && typeof v["kind"] === "string" && typeof v["namespaced"] === "boolean" && typeof v["definition"] === "string";
}

/** Reads a project's imported CRD schemas. A folder named in the config that does not exist is an error; the default one may be absent. */
export function loadProjectCrds(project: { readonly dir: string; readonly configFile?: string }, folders?: readonly string[]): ProjectCrds {
  // `folders` (tkc validate --crds) replace the config's, and must exist
  const { dirs, explicit, diagnostics } = folders ? { dirs: [...folders], explicit: true, diagnostics: [] as Diagnostic[] } : crdDirsOf(project.configFile);
  const entries: { info: CustomKindInfo; schema: SchemaNode }[] = [];
  const files: string[] = [];
  const owners = new Map<string, string>();
  for (const dir of dirs) {
    const absolute = resolve(project.dir, dir);
    if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
      if (explicit) {
        diagnostics.push(error(CrdCode.badSchemaFile, `CRD folder ${dir} (tkc.config.json "crds") does not exist`, {
          ...(project.configFile ? { location: { file: project.configFile, line: 1, column: 1 } } : {}),
          hint: "create it with `tkc import crd <crd.yaml> --out " + dir + "` or fix the path",
        }));
      }
      continue;
    }
    // A folder or schema file that leads out of the project is refused before anything is read.
    const outsideDir = checkInsideProject(absolute, project.dir);
    if (outsideDir) {
      diagnostics.push(outsideDir);
      continue;
    }
    for (const file of schemaFiles(absolute)) {
      const outside = checkInsideProject(file, project.dir);
      if (outside) {
        diagnostics.push(outside);
        continue;
      }
      files.push(file);
      const location = { file, line: 1, column: 1 };
      let schema: SchemaNode;
      try {
        schema = JSON.parse(readFileSync(file, "utf8")) as SchemaNode;
      } catch (cause) {
        diagnostics.push(error(CrdCode.badSchemaFile, `imported CRD schema is not valid JSON: ${(cause as Error).message}`, { location, hint: "re-run `tkc import crd` for its CRD file" }));
        continue;
      }
      const info = schema[RESOURCE_KEYWORD];
      if (!isKindInfo(info)) {
        diagnostics.push(error(CrdCode.badSchemaFile, `${file} was not written by \`tkc import crd\` (no "${RESOURCE_KEYWORD}" record)`, { location, hint: "re-run `tkc import crd` for its CRD file, or move other JSON Schemas out of the CRD folder" }));
        continue;
      }
      const key = `${info.apiVersion}/${info.kind}`;
      const previous = owners.get(key);
      if (previous) {
        diagnostics.push(error(CrdCode.badSchemaFile, `${key} is imported twice (also in ${previous})`, { location, hint: "delete one of the two schema files" }));
        continue;
      }
      owners.set(key, file);
      entries.push({ info, schema });
    }
  }
  return { ...(entries.length > 0 ? { customResources: projectCustomResources(entries) } : {}), files, diagnostics };
}
