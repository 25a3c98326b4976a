import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourcedObject } from "../model/object.js";
import { validateSchemas, type ValidateSchemasOptions } from "./schema/index.js";
import { validateSemantics } from "./semantic/index.js";

/**
 * Every check an object must pass before it is emitted: the target version's JSON Schemas
 * (shapes, unknown fields, removed APIs), then the API server's semantic rules.
 */
export function validateObjects(objects: readonly SourcedObject[], kubeVersion: string, options: ValidateSchemasOptions = {}): Diagnostic[] {
  return [...validateSchemas(objects, kubeVersion, options), ...validateSemantics(objects)];
}
