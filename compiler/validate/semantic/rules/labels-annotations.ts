import type { JsonPath } from "../../../model/path.js";
import { asRecord, show } from "../guards.js";
import type { Reporter } from "../report.js";
import { labelValueProblem, qualifiedNameProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const MAX_ANNOTATION_BYTES = 256 * 1024;

/** TKC3105-3108: label keys and values, annotation keys and total annotation size, on the object and its pod template. */
export const labelsAndAnnotations: SemanticRule = {
  name: "labels-annotations",
  check(target, _bundle, report) {
    checkMetadata(target.object.metadata, ["metadata"], report);
    const template = target.podTemplate;
    if (template) checkMetadata(readAt(target.object, template.labelsPath.slice(0, -1)), template.labelsPath.slice(0, -1), report);
  },
};

function readAt(root: unknown, path: JsonPath): unknown {
  let current: unknown = root;
  for (const segment of path) current = asRecord(current)?.[segment as string];
  return current;
}

function checkMetadata(metadata: unknown, base: JsonPath, report: Reporter): void {
  const record = asRecord(metadata);
  const labels = asRecord(record?.labels);
  for (const [key, value] of Object.entries(labels ?? {})) {
    const path = [...base, "labels", key];
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) report.error("TKC3105", path, `label key ${show(key)} is not valid: it ${keyProblem}`, "use a key like \"app.kubernetes.io/name\" or \"tier\"");
    if (typeof value === "string") {
      const valueProblem = labelValueProblem(value);
      if (valueProblem) report.error("TKC3106", path, `label value ${show(value)} of ${show(key)} is not valid: it ${valueProblem}`, "label values are short identifiers; put free text in an annotation instead");
    }
  }
  const annotations = asRecord(record?.annotations);
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    // The API server lowercases annotation keys before checking them.
    const keyProblem = qualifiedNameProblem(key.toLowerCase());
    if (keyProblem) report.error("TKC3107", [...base, "annotations", key], `annotation key ${show(key)} is not valid: it ${keyProblem}`, "use a key like \"example.com/owner\"");
    bytes += Buffer.byteLength(key, "utf8") + (typeof value === "string" ? Buffer.byteLength(value, "utf8") : 0);
  }
  if (bytes > MAX_ANNOTATION_BYTES) {
    report.error("TKC3108", [...base, "annotations"], `annotations total ${bytes} bytes, over the 262144-byte (256 KiB) limit`, "move large data into a ConfigMap and reference it");
  }
}
