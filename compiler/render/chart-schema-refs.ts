import { join } from "node:path";
import { readRegularText } from "./project-path.js";

// Helm checks the values against each chart's values.schema.json, and resolves its `$ref`s: one
// with a scheme (`https://…`, `file:///…`) is fetched or read from outside the chart.
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The first `$ref` in a chart's (or a subchart's) values.schema.json that leaves the chart, if any. */
export function remoteSchemaRef(chartDir: string, files: readonly string[]): { readonly file: string; readonly ref: string } | undefined {
  for (const file of files.filter((name) => name === "values.schema.json" || name.endsWith("/values.schema.json"))) {
    const read = readRegularText(join(chartDir, file), file);
    let schema: unknown;
    try {
      schema = "text" in read ? JSON.parse(read.text) : undefined;
    } catch {
      continue; // Helm reports a schema it cannot read
    }
    const ref = firstRef(schema, 0);
    if (ref !== undefined) return { file, ref };
  }
  return undefined;
}

function firstRef(node: unknown, depth: number): string | undefined {
  if (depth > 200 || node === null || typeof node !== "object") return undefined;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === "$ref" && typeof value === "string" && WITH_SCHEME.test(value)) return value;
    const inner = firstRef(value, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
