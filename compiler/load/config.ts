import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ProjectConfig } from "../model/project.js";
import { didYouMean } from "../validate/schema/suggest.js";
import { CONFIG_FILE } from "./find-project.js";
import { CrdCode } from "../crd/codes.js";

/** Every setting tkc.config.json may hold. */
const CONFIG_KEYS = ["entry", "kubeVersion", "outDir", "crds", "strictVersion"];

/** JSON.parse reports "at position N": turn it into the line and column an editor shows. */
function jsonErrorLocation(file: string, text: string, message: string) {
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { file, line, column: position - before.lastIndexOf("\n") };
}

export function keyLocation(file: string, text: string, key: string) {
  const at = text.indexOf(JSON.stringify(key));
  return { ...jsonErrorLocation(file, text, `at position ${Math.max(0, at)}`), length: JSON.stringify(key).length };
}

/**
 * The settings of tkc.config.json, parsed once: the load stage passes them on as data. `config`
 * holds what could be read (nothing when the JSON is broken); `diagnostics` what is wrong with it.
 */
export function parseConfig(file: string, text: string): { config: Partial<ProjectConfig>; diagnostics: Diagnostic[] } {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    return {
      config: {},
      diagnostics: [error("TKC1002", `${CONFIG_FILE} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, {
        location: jsonErrorLocation(file, text, message),
        hint: "fix the JSON syntax (no trailing commas, double-quoted keys)",
      })],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const unknown = Object.keys(parsed ?? {}).filter((key) => !CONFIG_KEYS.includes(key));
  if (unknown.length > 0) {
    diagnostics.push(error("TKC1002", `${CONFIG_FILE} has an unknown setting "${unknown[0]}"`, {
      location: keyLocation(file, text, unknown[0]!),
      hint: didYouMean(unknown[0]!, CONFIG_KEYS) ? `did you mean "${didYouMean(unknown[0]!, CONFIG_KEYS)}"?` : `the settings are ${CONFIG_KEYS.join(", ")}`,
    }));
  }
  const { crds, ...rest } = (parsed ?? {}) as Partial<ProjectConfig> & { crds?: unknown };
  if (crds !== undefined && (!Array.isArray(crds) || crds.some((c) => typeof c !== "string"))) {
    diagnostics.push(error(CrdCode.badSchemaFile, '"crds" in tkc.config.json must be a list of folders', { location: { file, line: 1, column: 1 }, hint: 'e.g. "crds": ["crds"]' }));
    return { config: rest, diagnostics };
  }
  return { config: { ...rest, ...(crds !== undefined ? { crds: crds as string[] } : {}) }, diagnostics };
}
