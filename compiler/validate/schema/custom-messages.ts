import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourcedObject } from "../../model/object.js";
import { customSchemaAt } from "../../../schemas/crds/index.js";
import type { CustomResourceSchemas } from "./custom.js";
import { diagnosticFor } from "./messages.js";

/** ajv errors from inside an anyOf/oneOf/not branch explain the branch, not the user's mistake: the combinator's own error stands for them. */
function insideBranch(e: ErrorObject): boolean {
  return /\/(anyOf|oneOf|allOf|not)\/\d+\//.test(e.schemaPath) || /\/not\//.test(e.schemaPath);
}

/** Validates one custom resource against its CRD schema; diagnostics use the same codes as built-in kinds (TKC3002-TKC3005). */
export function customDiagnostics(sourced: SourcedObject, set: CustomResourceSchemas, kubeVersion: string): Diagnostic[] {
  const object = sourced.object;
  const info = set.find(object.apiVersion, object.kind)!;
  const validate = set.validator(info);
  if (validate(object)) return [];
  const root = set.schema(info);
  const propertyNames = (path: readonly (string | number)[]) => {
    const node = customSchemaAt(root, path);
    const properties = node?.["properties"] as Record<string, unknown> | undefined;
    return properties ? Object.keys(properties) : undefined;
  };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (insideBranch(e)) continue;
    const diagnostic = diagnosticFor(e, { sourced, kubeVersion, propertyNames });
    if (!diagnostic) continue;
    const key = `${diagnostic.code} ${diagnostic.path} ${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
