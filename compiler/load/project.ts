import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { error, fail, succeed, type Diagnostic, type StageResult } from "../diagnostics/diagnostic.js";
import { defaultKubeVersion, isSupportedKubeVersion, supportedKubeVersions } from "../../schemas/index.js";

/** `tkc.config.json`: every field optional. */
export interface ProjectConfig {
  /** Root descriptor whose default export is the release. @default "release.k8s.ts" */
  readonly entry: string;
  /** Target Kubernetes version. @default "1.36" */
  readonly kubeVersion: string;
  /** Where bundles are written, relative to the project. @default "out" */
  readonly outDir: string;
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

export const CONFIG_FILE = "tkc.config.json";
const DEFAULT_ENTRY = "release.k8s.ts";

/** Find the project for a path given on the command line: a directory or a root descriptor. */
export function loadProject(target: string, overrides: { kubeVersion?: string } = {}): StageResult<Project> {
  const absolute = resolve(target);
  if (!existsSync(absolute)) {
    return fail([error("TKC1001", `no such file or directory: ${target}`, { hint: "give the project directory, e.g. `tkc build examples/shop`" })]);
  }
  const isFile = statSync(absolute).isFile();
  const dir = isFile ? dirname(absolute) : absolute;
  const configFile = join(dir, CONFIG_FILE);
  let fileConfig: Partial<ProjectConfig> = {};
  if (existsSync(configFile)) {
    try {
      fileConfig = JSON.parse(readFileSync(configFile, "utf8"));
    } catch (cause) {
      return fail([error("TKC1002", `${CONFIG_FILE} is not valid JSON: ${(cause as Error).message}`, { location: { file: configFile, line: 1, column: 1 }, hint: "fix the JSON syntax" })]);
    }
  }
  const kubeVersion = overrides.kubeVersion ?? fileConfig.kubeVersion ?? defaultKubeVersion;
  if (!isSupportedKubeVersion(kubeVersion)) {
    return fail([error("TKC1003", `Kubernetes ${kubeVersion} is not supported`, { hint: `use one of ${supportedKubeVersions.join(", ")}` })]);
  }
  const config: ProjectConfig = { entry: fileConfig.entry ?? DEFAULT_ENTRY, kubeVersion, outDir: fileConfig.outDir ?? "out" };
  const entry = isFile ? absolute : join(dir, config.entry);
  if (!existsSync(entry)) {
    const found = listDescriptors(dir).map((f) => relative(dir, f));
    return fail([error("TKC1004", `no root descriptor ${relative(process.cwd(), entry) || basename(entry)}`, {
      hint: found.length > 0 ? `point "entry" in ${CONFIG_FILE} at the file that exports release(...) (found: ${found.slice(0, 5).join(", ")})` : "run `tkc init` to scaffold a project",
    })]);
  }
  return succeed({ dir, entry, config: { ...config, entry: relative(dir, entry).split(sep).join("/") }, configFile: existsSync(configFile) ? configFile : undefined });
}

const SKIP_DIRS = new Set(["node_modules", "out", ".tkc-cache", ".git", "expected", "dist"]);

/** Every TypeScript file of a project, sorted, for type checking and source digests. */
export function listDescriptors(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".")) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export type { Diagnostic };
