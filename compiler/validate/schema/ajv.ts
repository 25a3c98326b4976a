import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadModule } from "../../load-module.js";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import * as ajvFormats from "ajv-formats";
import { findKind, loadSchemaDocument } from "../../../schemas/index.js";
import { tkcRoot } from "../../root.js";
import settings from "./ajv-settings.json";

/*
 * Keep these identical to scripts/build-validators.mjs, which precompiles the same schemas with the
 * same options into dist/validators/k8s-v1.NN.cjs (test/schemas checks both paths agree).
 */
const AJV_OPTIONS = settings.options;
const ANNOTATION_KEYWORDS = settings.core.annotationKeywords;
const FORMATS = settings.core.formats;
const SCHEMA_HASH_EXPORT = "__schemaSha256";

// ajv-formats is CommonJS whose module.exports is the plugin and also carries it as `default`;
// under tsx the namespace's `default` is module.exports, under esbuild's CJS bundle it is the plugin.
type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const formatsDefault = ajvFormats.default as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsDefault.default ?? formatsDefault;

export type KindValidator = ValidateFunction;

/** Validators of one Kubernetes version, looked up by `apiVersion/kind`. */
export interface VersionValidators {
  /** `precompiled` (dist/validators) or `runtime` (compiled with ajv in this process). */
  readonly source: "precompiled" | "runtime";
  get(apiVersion: string, kind: string): KindValidator | undefined;
}

export function validatorModulePath(kubeVersion: string): string {
  return join(tkcRoot(), "dist", "validators", `k8s-v${kubeVersion}.cjs`);
}

function schemaSha256(kubeVersion: string): string {
  const bytes = readFileSync(join(tkcRoot(), "schemas", `v${kubeVersion}`, "schema.json"));
  return createHash("sha256").update(bytes).digest("hex");
}

function loadPrecompiled(kubeVersion: string): VersionValidators | undefined {
  const file = validatorModulePath(kubeVersion);
  if (!existsSync(file)) return undefined;
  const exports = loadModule(file);
  // A module built from another schema.json (schemas regenerated, build not rerun) is not used.
  if (exports[SCHEMA_HASH_EXPORT] !== schemaSha256(kubeVersion)) return undefined;
  return {
    source: "precompiled",
    get: (apiVersion, kind) => exports[`${apiVersion}/${kind}`] as KindValidator | undefined,
  };
}

/** Fallback: register the version's schema.json and compile each kind on first use. */
export function compileAtRuntime(kubeVersion: string): VersionValidators {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv, FORMATS);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  const doc = loadSchemaDocument(kubeVersion);
  ajv.addSchema(doc as object);
  const compiled = new Map<string, KindValidator>();
  return {
    source: "runtime",
    get(apiVersion, kind) {
      const info = findKind(kubeVersion, apiVersion, kind);
      if (!info) return undefined;
      let validate = compiled.get(info.definition);
      if (!validate) {
        validate = ajv.getSchema(`${doc.$id}#/definitions/${info.definition}`);
        if (!validate) throw new Error(`schema ${info.definition} missing from schemas/v${kubeVersion}/schema.json`);
        compiled.set(info.definition, validate);
      }
      return validate;
    },
  };
}

const cache = new Map<string, VersionValidators>();

/** The validators of a version: precompiled when dist/validators is built and current, else compiled now. */
export function validatorsFor(kubeVersion: string): VersionValidators {
  let validators = cache.get(kubeVersion);
  if (!validators) {
    validators = loadPrecompiled(kubeVersion) ?? compileAtRuntime(kubeVersion);
    cache.set(kubeVersion, validators);
  }
  return validators;
}
