import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { error, fail, succeed, type Diagnostic, type StageResult } from "../diagnostics/diagnostic.js";
import { defaultKubeVersion, isSupportedKubeVersion, supportedKubeVersions } from "../../schemas/index.js";
import { didYouMean } from "../validate/schema/suggest.js";
import { CONFIG_FILE, DEFAULT_ENTRY, findProjectDir } from "./find-project.js";
import { checkInsideProject } from "./confine.js";

/** `tkc.config.json`: every field optional. */
export interface ProjectConfig {
  /** Root descriptor whose default export is the release. @default "release.k8s.ts" */
  readonly entry: string;
  /** Target Kubernetes version. @default the default of schemas/kube-versions.json */
  readonly kubeVersion: string;
  /** Where bundles are written, relative to the project (and inside it). @default "out" */
  readonly outDir: string;
  /** Refuse new content under a version already released (TKC4001) instead of recording it with a note. @default false */
  readonly strictVersion?: boolean;
}

export interface Project {
  /** Absolute project directory. */
  readonly dir: string;
  /** Absolute path of the root descriptor. */
  readonly entry: string;
  readonly config: ProjectConfig;
  /** Absolute path of the config file, if there is one. */
  readonly configFile?: string;
}

export { CONFIG_FILE };
/** Every setting tkc.config.json may hold (`crds` is read by compiler/crd/project.ts). */
const CONFIG_KEYS = ["entry", "kubeVersion", "outDir", "crds", "strictVersion"];

/** JSON.parse reports "at position N": turn it into the line and column an editor shows. */
function jsonErrorLocation(file: string, text: string, message: string) {
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { file, line, column: position - before.lastIndexOf("\n") };
}

function keyLocation(file: string, text: string, key: string) {
  const at = text.indexOf(JSON.stringify(key));
  return { ...jsonErrorLocation(file, text, `at position ${Math.max(0, at)}`), length: JSON.stringify(key).length };
}

/**
 * Find the project for a path given on the command line: a directory or a root descriptor. `read`
 * holds the text of the files it read (the config), by absolute path, for code frames.
 */
export function loadProject(target: string, overrides: { kubeVersion?: string } = {}): StageResult<Project> & { readonly read: Readonly<Record<string, string>> } {
  const read: Record<string, string> = {};
  return { ...findProject(target, overrides, read), read };
}

function findProject(target: string, overrides: { kubeVersion?: string }, read: Record<string, string>): StageResult<Project> {
  const absolute = resolve(target);
  if (!existsSync(absolute)) {
    return fail([error("TKC1001", `no such file or directory: ${target}`, { hint: "give the project directory, e.g. `tkc build examples/shop`" })]);
  }
  const isFile = statSync(absolute).isFile();
  const dir = isFile ? dirname(absolute) : findProjectDir(absolute);
  const configFile = join(dir, CONFIG_FILE);
  let fileConfig: Partial<ProjectConfig> = {};
  const escaping = checkInsideProject(configFile, dir);
  if (escaping) return fail([escaping]);
  if (existsSync(configFile)) {
    const text = readFileSync(configFile, "utf8");
    read[configFile] = text;
    try {
      fileConfig = JSON.parse(text);
    } catch (cause) {
      const message = (cause as Error).message;
      return fail([error("TKC1002", `${CONFIG_FILE} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, {
        location: jsonErrorLocation(configFile, text, message),
        hint: "fix the JSON syntax (no trailing commas, double-quoted keys)",
      })]);
    }
    const unknown = Object.keys(fileConfig).filter((key) => !CONFIG_KEYS.includes(key));
    if (unknown.length > 0) {
      return fail([error("TKC1002", `${CONFIG_FILE} has an unknown setting "${unknown[0]}"`, {
        location: keyLocation(configFile, text, unknown[0]!),
        hint: didYouMean(unknown[0]!, CONFIG_KEYS) ? `did you mean "${didYouMean(unknown[0]!, CONFIG_KEYS)}"?` : `the settings are ${CONFIG_KEYS.join(", ")}`,
      })]);
    }
  }
  const kubeVersion = overrides.kubeVersion ?? fileConfig.kubeVersion ?? defaultKubeVersion;
  if (!isSupportedKubeVersion(kubeVersion)) {
    return fail([error("TKC1003", `Kubernetes ${kubeVersion} is not supported`, { hint: `use one of ${supportedKubeVersions.join(", ")}` })]);
  }
  const config: ProjectConfig = { entry: fileConfig.entry ?? DEFAULT_ENTRY, kubeVersion, outDir: fileConfig.outDir ?? "out", ...(fileConfig.strictVersion === true ? { strictVersion: true } : {}) };
  const entry = isFile ? absolute : join(dir, config.entry);
  if (!existsSync(entry)) {
    const found = listDescriptors(dir).files.map((f) => relative(dir, f));
    return fail([error("TKC1004", `no root descriptor ${relative(process.cwd(), entry) || basename(entry)}`, {
      hint: found.length > 0 ? `point "entry" in ${CONFIG_FILE} at the file that exports release(...) (found: ${found.slice(0, 5).join(", ")})` : "run `tkc init` to scaffold a project",
    })]);
  }
  // `"entry": "../other/release.k8s.ts"` would make another folder's code this project's root.
  const entryOutside = checkInsideProject(entry, dir);
  if (entryOutside) {
    const text = read[configFile];
    return fail([{ ...entryOutside, location: text !== undefined && !isFile ? keyLocation(configFile, text, "entry") : undefined }]);
  }
  return succeed({ dir, entry, config: { ...config, entry: relative(dir, entry).split(sep).join("/") }, configFile: existsSync(configFile) ? configFile : undefined });
}

const SKIP_DIRS = new Set(["node_modules", "out", ".tkc-cache", ".git", "expected", "dist"]);

/**
 * Every TypeScript file of a project, sorted, for type checking and source digests. A `.ts` link
 * that leaves the project is refused (and not listed), so neither tsc nor tkc ever reads it.
 */
export function listDescriptors(dir: string): { files: string[]; refused: Diagnostic[] } {
  const files: string[] = [];
  const refused: Diagnostic[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        const outside = entry.isSymbolicLink() ? checkInsideProject(full, dir) : undefined;
        if (outside) refused.push(outside);
        else files.push(full);
      }
    }
  };
  walk(dir);
  return { files, refused };
}

export type { Diagnostic };
