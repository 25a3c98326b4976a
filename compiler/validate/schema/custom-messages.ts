import type { ErrorObject } from "ajv";
import { warning, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeObject } from "../../model/object.js";
import { locate } from "../locate.js";
import type { SourcedObject } from "../../model/object.js";
import { customSchemaAt } from "../../../schemas/crds/index.js";
import type { CustomResourceSchemas } from "./custom.js";
import { diagnosticFor } from "./messages.js";
import { celRuleDiagnostics } from "./cel-rules.js";

/** ajv errors from inside an anyOf/oneOf/not branch explain the branch, not the user's mistake: the combinator's own error stands for them. */
function insideBranch(e: ErrorObject): boolean {
  return /\/(anyOf|oneOf|allOf|not)\/\d+\//.test(e.schemaPath) || /\/not\//.test(e.schemaPath);
}

/** Validates one custom resource against its CRD schema (TKC3002-TKC3005, as built-in kinds), then against its CEL rules (TKC3008). */
export function customDiagnostics(sourced: SourcedObject, set: CustomResourceSchemas, kubeVersion: string): Diagnostic[] {
  const object = sourced.object;
  const info = set.find(object.apiVersion, object.kind)!;
  let validate;
  try {
    validate = set.validator(info);
  } catch (cause) {
    // A CRD the API server accepts but ajv cannot compile: not checked, rather than no run at all.
    return [uncheckedCustomResource(sourced, `tkc cannot use the schema of its CustomResourceDefinition (${firstLine(cause)})`)];
  }
  const root = set.schema(info);
  // The CRD's CEL rules run on an object its schema accepts, as the API server's do.
  if (validate(object)) return celRuleDiagnostics(sourced, root);
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

/** TKC3006 for a custom resource whose CRD tkc has but cannot check it with (`why`). */
export function uncheckedCustomResource(sourced: SourcedObject, why: string): Diagnostic {
  const object = sourced.object;
  const location = locate(sourced, ["apiVersion"]);
  return warning("TKC3006", `${object.apiVersion} ${object.kind} is not checked: ${why}`, {
    object: describeObject(object),
    path: "apiVersion",
    ...(location ? { location } : {}),
    hint: "the API server checks it on apply; please report the CRD to tkc",
  });
}

function firstLine(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const line = text.split("\n")[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
