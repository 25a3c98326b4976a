/**
 * Validators of custom resources: the built-in CRDs (schemas/crds, precompiled into
 * dist/validators/crds/ by scripts/build-validators.mjs, else compiled here on first use) and a
 * project's imported CRD schemas (`tkc import crd`, compiled on first use). Both are looked up
 * through a `CustomResourceSchemas`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadModule } from "../../load-module.js";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import * as ajvFormats from "ajv-formats";
import { builtinCrdDir, builtinCustomKinds, findCustomKind, loadCustomSchema, type CustomKindInfo } from "../../../schemas/crds/index.js";
import type { SchemaNode } from "../../../schemas/index.js";
import { tkcRoot } from "../../root.js";

export type { CustomKindInfo };

/*
 * The setup comes from ajv-settings.json, which scripts/build-validators.mjs reads too; test/crd
 * checks that precompiled and run-time validators agree.
 */
export const CRD_AJV_OPTIONS = settings.crds.options;
/**
 * CRDs compiled in this process (a project's, a validated manifest set's) skip ajv's code
 * optimisation passes: they change only the shape of the generated code, not what it accepts, and
 * they were ~60% of compile time (`tkc validate` over ../shared/realworld: 16.8 s -> 12.7 s).
 */
const RUNTIME_CRD_AJV_OPTIONS = { ...CRD_AJV_OPTIONS, code: { optimize: false, regExp: re2Pattern } };
export { CRD_ANNOTATION_KEYWORDS, CRD_FORMATS } from "../../crd/structural.js";
import { CRD_ANNOTATION_KEYWORDS, CRD_FORMATS } from "../../crd/structural.js";
import settings from "./ajv-settings.json";
import { shareRepeatedSubschemas } from "./shared-subschemas.js";
import { re2Pattern } from "./re2-pattern.js";
const SCHEMA_HASH_EXPORT = "__schemaSha256";

type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const formatsDefault = ajvFormats.default as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsDefault.default ?? formatsDefault;

/** A set of custom resource kinds with their schemas and validators. */
export interface CustomResourceSchemas {
  /** `builtin` (schemas/crds) or `project` (imported CRD schemas of a project). */
  readonly origin: "builtin" | "project";
  find(apiVersion: string, kind: string): CustomKindInfo | undefined;
  kinds(): readonly CustomKindInfo[];
  /** The resource's root JSON Schema (for field suggestions). */
  schema(info: CustomKindInfo): SchemaNode;
  validator(info: CustomKindInfo): ValidateFunction;
}

export function createCrdAjv(): Ajv {
  const ajv = new Ajv(RUNTIME_CRD_AJV_OPTIONS);
  addFormats(ajv, [...CRD_FORMATS]);
  ajv.addVocabulary([...CRD_ANNOTATION_KEYWORDS]);
  return ajv;
}

export function crdValidatorModulePath(info: CustomKindInfo): string {
  return join(tkcRoot(), "dist", "validators", "crds", `${info.definition}.cjs`);
}

/** Compiles schemas on first use, each once, with one ajv instance per set. */
function runtimeCompiler(load: (info: CustomKindInfo) => SchemaNode): (info: CustomKindInfo) => ValidateFunction {
  const ajv = createCrdAjv();
  const compiled = new Map<string, ValidateFunction>();
  return (info) => {
    const key = `${info.apiVersion}/${info.kind}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(shareRepeatedSubschemas(load(info)) as object);
      compiled.set(key, validate);
    }
    return validate;
  };
}

function loadPrecompiled(info: CustomKindInfo): ValidateFunction | undefined {
  const file = crdValidatorModulePath(info);
  if (!existsSync(file)) return undefined;
  const exports = loadModule(file);
  // A module built from another schema file (CRDs regenerated, build not rerun) is not used.
  const sha256 = createHash("sha256").update(readFileSync(join(builtinCrdDir(), info.schema))).digest("hex");
  if (exports[SCHEMA_HASH_EXPORT] !== sha256) return undefined;
  return exports["validate"] as ValidateFunction;
}

let builtin: CustomResourceSchemas | undefined;

/** The built-in custom resources, validators precompiled when dist/validators/crds is built and current. */
export function builtinCustomResources(options: { precompiled?: boolean } = {}): CustomResourceSchemas {
  if (builtin && options.precompiled !== false) return builtin;
  const compile = runtimeCompiler(loadCustomSchema);
  const validators = new Map<string, ValidateFunction>();
  const set: CustomResourceSchemas = {
    origin: "builtin",
    find: findCustomKind,
    kinds: builtinCustomKinds,
    schema: loadCustomSchema,
    validator(info) {
      const key = `${info.apiVersion}/${info.kind}`;
      let validate = validators.get(key);
      if (!validate) {
        validate = (options.precompiled !== false ? loadPrecompiled(info) : undefined) ?? compile(info);
        validators.set(key, validate);
      }
      return validate;
    },
  };
  if (options.precompiled === false) return set;
  return (builtin = set);
}

/** A project's imported CRD schemas (each schema file carries its `x-tkc-custom-resource` record). */
export function projectCustomResources(entries: readonly { readonly info: CustomKindInfo; readonly schema: SchemaNode }[]): CustomResourceSchemas {
  const byKey = new Map(entries.map((e) => [`${e.info.apiVersion}/${e.info.kind}`, e] as const));
  const compile = runtimeCompiler((info) => byKey.get(`${info.apiVersion}/${info.kind}`)!.schema);
  return {
    origin: "project",
    find: (apiVersion, kind) => byKey.get(`${apiVersion}/${kind}`)?.info,
    kinds: () => entries.map((e) => e.info),
    schema: (info) => byKey.get(`${info.apiVersion}/${info.kind}`)!.schema,
    validator: compile,
  };
}
