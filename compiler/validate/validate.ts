import { hasErrors, type Diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import type { SourcedObject } from "../model/object.js";
import { validateSchemas, type ValidateSchemasOptions } from "./schema/index.js";
import { validateSemantics } from "./semantic/index.js";

export interface ValidateOptions extends ValidateSchemasOptions {
  /** Severity of policy findings (pinned tags, ...): "error" in `tkc build`, "warning" by default in `tkc validate`. */
  readonly policy?: Severity;
}

/** The validate stage: the objects, if every one passes (warnings beside them), else what is wrong. */
export function validate(input: { readonly objects: readonly SourcedObject[]; readonly kubeVersion: string; readonly options?: ValidateOptions }): StageResult<readonly SourcedObject[]> {
  const problems = validateObjects(input.objects, input.kubeVersion, input.options);
  return hasErrors(problems) ? fail(problems) : succeed(input.objects, problems);
}

/**
 * Every check an object must pass before it is emitted: the target version's JSON Schemas
 * (shapes, unknown fields, removed APIs), then the API server's semantic rules. One mistake is one
 * report: a semantic finding at a path where the schema already failed (or below it) is dropped,
 * so a pod template without containers is a missing field, not also "has no containers".
 */
export function validateObjects(objects: readonly SourcedObject[], kubeVersion: string, options: ValidateOptions = {}): Diagnostic[] {
  const schema = validateSchemas(objects, kubeVersion, options);
  const semantic = validateSemantics(objects, undefined, options.policy ? { policy: options.policy } : {});
  const failed = new Map<string, string[]>();
  for (const d of schema) {
    if (d.severity !== "error" || d.object === undefined || d.path === undefined) continue;
    const paths = failed.get(d.object) ?? [];
    paths.push(d.path);
    failed.set(d.object, paths);
  }
  const out = schema;
  for (const d of semantic) {
    const paths = d.object !== undefined && d.path !== undefined ? failed.get(d.object) : undefined;
    if (paths && paths.some((p) => covers(p, d.path!))) continue;
    out.push(d);
  }
  return out;
}

/** `spec.containers` covers itself, `spec.containers[0]` and `spec.containers.x`, not `spec.containersX`. */
function covers(failed: string, path: string): boolean {
  if (failed === "" || failed === path) return true;
  if (!path.startsWith(failed)) return false;
  const next = path[failed.length];
  return next === "." || next === "[";
}
