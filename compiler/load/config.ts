import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ProjectConfig } from "../model/project.js";
import { didYouMean } from "../validate/schema/suggest.js";
import { CONFIG_FILE } from "./find-project.js";
import { CrdCode } from "../crd/codes.js";
import { withoutBom } from "./without-bom.js";

/** Every setting tkc.config.json may hold. */
const CONFIG_KEYS = ["entry", "kubeVersion", "outDir", "crds", "strictVersion", "policy"];

/** The type of each setting but crds (a list, checked on its own), and an example of it. */
const SETTING_TYPES: readonly (readonly [key: string, type: "string" | "boolean", example: string])[] = [
  ["entry", "string", '"release.k8s.ts"'],
  ["kubeVersion", "string", '"1.36"'],
  ["outDir", "string", '"out"'],
  ["strictVersion", "boolean", "true"],
  ["policy", "string", '"warning"'],
];

/** What "policy" may be: the severity of findings the API server does not enforce (unpinned image tags, ...). */
const POLICIES = ["error", "warning"];

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
export function parseConfig(file: string, withMark: string): { config: Partial<ProjectConfig>; diagnostics: Diagnostic[] } {
  const text = withoutBom(withMark);
  let parsed: unknown;
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
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return {
      config: {},
      diagnostics: [error("TKC1002", `${CONFIG_FILE} must hold a JSON object of settings, not ${parsed === null ? "null" : Array.isArray(parsed) ? "a list" : `a ${typeof parsed}`}`, {
        location: { file, line: 1, column: 1 },
        hint: `e.g. { "kubeVersion": "1.36" }; the settings are ${CONFIG_KEYS.join(", ")}`,
      })],
    };
  }
  const settings = parsed as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  // Every mistake at once: each unknown setting, and each setting of the wrong type.
  for (const key of Object.keys(settings).filter((name) => !CONFIG_KEYS.includes(name))) {
    const suggestion = didYouMean(key, CONFIG_KEYS);
    diagnostics.push(error("TKC1002", `${CONFIG_FILE} has an unknown setting "${key}"`, {
      location: keyLocation(file, text, key),
      hint: suggestion ? `did you mean "${suggestion}"?` : `the settings are ${CONFIG_KEYS.join(", ")}`,
    }));
  }
  for (const [key, type, example] of SETTING_TYPES) {
    const value = settings[key];
    if (value !== undefined && typeof value !== type) {
      diagnostics.push(error("TKC1002", `"${key}" in ${CONFIG_FILE} must be a ${type}, not ${value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`}`, {
        location: keyLocation(file, text, key),
        hint: `e.g. "${key}": ${example}`,
      }));
    }
  }
  if (typeof settings["policy"] === "string" && !POLICIES.includes(settings["policy"])) {
    diagnostics.push(error("TKC1002", `"policy" in ${CONFIG_FILE} must be "error" or "warning", not ${JSON.stringify(settings["policy"])}`, {
      location: keyLocation(file, text, "policy"),
      hint: '"warning" lets builds through with unpinned image tags and the like, and says so; "error" (the default) stops them',
    }));
  }
  const { crds, ...rest } = settings as Partial<ProjectConfig> & { crds?: unknown };
  if (crds !== undefined && (!Array.isArray(crds) || crds.some((c) => typeof c !== "string"))) {
    diagnostics.push(error(CrdCode.badSchemaFile, '"crds" in tkc.config.json must be a list of folders', { location: keyLocation(file, text, "crds"), hint: 'e.g. "crds": ["crds"]' }));
    return { config: rest, diagnostics };
  }
  return { config: { ...rest, ...(crds !== undefined ? { crds: crds as string[] } : {}) }, diagnostics };
}
