import { parse } from "yaml";
import { deeperThan, MAX_NESTING } from "./nesting.js";
import { locationOf } from "../../diagnostics/position.js";

/**
 * A small YAML file tkc reads for itself (Chart.yaml, kustomization.yaml, a bundle's object
 * file) as plain data, or why it is not read. The nesting is checked first (nesting.ts): the
 * `yaml` package reads recursively and runs out of stack on deep input, which once aborted the
 * process. Objects that users validate go through read.ts instead, with positions.
 */
export function parsePlainYaml(text: string): { value: unknown } | { problem: string } {
  const tooDeep = deeperThan(text);
  if (tooDeep >= 0) return { problem: `it nests deeper than ${MAX_NESTING} levels (line ${locationOf("", text, tooDeep).line}), which tkc does not read` };
  try {
    return { value: parse(text, { logLevel: "error" }) };
  } catch (failure) {
    return { problem: (failure as Error).message.split("\n")[0]!.replace(/:$/, "") };
  }
}
