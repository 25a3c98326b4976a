/**
 * A project's imported CRDs (`tkc import crd`) as validation schemas: a pure conversion of the
 * schema files the load stage read (compiler/load/crds.ts), each carrying its
 * `x-tkc-custom-resource` record.
 */
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { projectCustomResources, type CustomResourceSchemas } from "../validate/schema/custom.js";
import type { CustomKindInfo } from "../../schemas/crds/index.js";
import type { SchemaNode } from "../../schemas/index.js";
import { CrdCode } from "./codes.js";
import { RESOURCE_KEYWORD } from "./generate.js";
import { withoutBom } from "../load/without-bom.js";

export interface ProjectCrds {
  /** Undefined when the project imported no CRD. */
  readonly customResources?: CustomResourceSchemas;
  readonly diagnostics: readonly Diagnostic[];
}

function isKindInfo(value: unknown): value is CustomKindInfo {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v["apiVersion"] === "string" && typeof v["kind"] === "string" && typeof v["namespaced"] === "boolean" && typeof v["definition"] === "string";
}

/** The custom resources of imported schema files (path and text): each kind once, every bad file reported. */
export function projectCrds(files: readonly { readonly path: string; readonly text: string }[]): ProjectCrds {
  const entries: { info: CustomKindInfo; schema: SchemaNode }[] = [];
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  for (const { path: file, text } of files) {
    const location = { file, line: 1, column: 1 };
    let schema: SchemaNode;
    try {
      schema = JSON.parse(withoutBom(text)) as SchemaNode;
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
  return { ...(entries.length > 0 ? { customResources: projectCustomResources(entries) } : {}), diagnostics };
}
