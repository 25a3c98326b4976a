import { statSync } from "node:fs";
import { readAtMost } from "../load/read-at-most.js";
import { parse } from "yaml";
import { deeperThan, MAX_NESTING } from "../load/yaml/nesting.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { ENVIRONMENTS_KEY, type SuppliedValue } from "../../stdlib/core/input.js";

/** The most one value (or a values file) may weigh: far above any tag or count, far below a build's memory. */
export const MAX_VALUE_BYTES = 1024 * 1024;

/** Values from the command line: values files first (in order), then every --set (in order, later wins). */
export interface InputArgs {
  readonly set?: readonly string[];
  readonly values?: readonly string[];
}

/**
 * Turn --set and --values into the plain data the evaluation realm takes. Nothing is checked
 * against the declarations here (they are known only once the descriptors ran); only the form.
 */
export function suppliedValues(args: InputArgs): { values: SuppliedValue[]; diagnostics: Diagnostic[] } {
  const values: SuppliedValue[] = [];
  const diagnostics: Diagnostic[] = [];
  const bad = (message: string, hint: string, file?: string) => diagnostics.push(error("TKC1031", message, { ...(file ? { location: { file, line: 1, column: 1 } } : {}), hint }));
  for (const file of args.values ?? []) {
    let text: string | undefined;
    try {
      if (statSync(file).isDirectory()) {
        bad(`values file ${file} is a folder, not a file`, "give --values a YAML or JSON file");
        continue;
      }
      text = readAtMost(file, MAX_VALUE_BYTES);
    } catch {
      bad(`cannot read values file ${file}`, "check the path given to --values");
      continue;
    }
    if (text === undefined) {
      bad(`values file ${file} is larger than ${MAX_VALUE_BYTES} bytes`, "keep values files to the inputs the descriptors declare");
      continue;
    }
    let data: unknown;
    if (deeperThan(text) >= 0) {
      bad(`values file ${file} nests deeper than ${MAX_NESTING} levels, which tkc does not read`, "flatten the values", file);
      continue;
    }
    try {
      // YAML 1.2 core schema: JSON is YAML too; no custom tags, no anchors beyond YAML's own.
      data = parse(text, { schema: "core", maxAliasCount: 100 });
    } catch (failure) {
      bad(`values file ${file} is not valid YAML or JSON: ${(failure as Error).message.split("\n")[0]!.replace(/:$/, "")}`, "fix the file's syntax", file);
      continue;
    }
    if (data === null || data === undefined) continue;
    if (!isMap(data)) {
      bad(`values file ${file} must be a map of input names to values`, "write one `name: value` line per input", file);
      continue;
    }
    for (const [name, value] of Object.entries(data)) {
      if (name !== ENVIRONMENTS_KEY) {
        values.push({ from: "values", file, name, value });
        continue;
      }
      if (!isMap(value) || !Object.values(value).every(isMap)) {
        bad(`the '${ENVIRONMENTS_KEY}' section of ${file} must map environment names to maps of input values`, `e.g. ${ENVIRONMENTS_KEY}: { prod: { replicas: 4 } }`, file);
        continue;
      }
      for (const [environment, section] of Object.entries(value)) {
        for (const [entry, item] of Object.entries(section as Record<string, unknown>)) values.push({ from: "values", file, name: entry, environment, value: item });
      }
    }
  }
  for (const arg of args.set ?? []) {
    const eq = arg.indexOf("=");
    const key = eq > 0 ? arg.slice(0, eq) : "";
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){0,2}$/.test(key)) {
      bad(`--set ${JSON.stringify(arg.length > 80 ? arg.slice(0, 80) + "..." : arg)} is not NAME=VALUE`, "write --set NAME=VALUE, --set NAME.FIELD=VALUE or --set ENV.NAME=VALUE");
      continue;
    }
    const text = arg.slice(eq + 1);
    if (Buffer.byteLength(text) > MAX_VALUE_BYTES) {
      bad(`the value of --set ${key} is larger than ${MAX_VALUE_BYTES} bytes`, "pass large content as a file the descriptor imports");
      continue;
    }
    values.push({ from: "set", key, text });
  }
  return { values, diagnostics };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

