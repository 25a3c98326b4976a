import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { irregularFile } from "./sources.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageContext, type StageResult } from "../model/stage.js";
import type { Project, ProjectConfig } from "../model/project.js";
import { defaultKubeVersion, isSupportedKubeVersion, kubeMinor, supportedKubeVersions } from "../../schemas/index.js";
import { keyLocation, parseConfig } from "./config.js";
import { CONFIG_FILE, DEFAULT_ENTRY, findProjectDir } from "./find-project.js";
import { checkInsideProject } from "./confine.js";

export type { Project, ProjectConfig };
export { CONFIG_FILE };

/**
 * The load stage's first step: find the project for a path given on the command line (a directory
 * or a root descriptor) and read its tkc.config.json, once. The config's text joins `ctx.read`.
 */
export function loadProject(input: { readonly target: string; readonly kubeVersion?: string }, ctx: Pick<StageContext, "read">): StageResult<Project> {
  const { target } = input;
  const absolute = resolve(target);
  if (!existsSync(absolute)) {
    return fail([error("TKC1001", `no such file or directory: ${target}`, { hint: "give the project directory, e.g. `tkc build examples/shop`" })]);
  }
  const isFile = statSync(absolute).isFile();
  const dir = isFile ? dirname(absolute) : findProjectDir(absolute);
  const configFile = join(dir, CONFIG_FILE);
  let fileConfig: Partial<ProjectConfig> = {};
  const escaping = checkInsideProject(configFile, dir) ?? irregularFile(configFile, CONFIG_FILE);
  if (escaping) return fail([escaping]);
  const text = existsSync(configFile) ? readFileSync(configFile, "utf8") : undefined;
  if (text !== undefined) {
    ctx.read.set(configFile, text);
    const parsed = parseConfig(configFile, text);
    if (parsed.diagnostics.length > 0) return fail(parsed.diagnostics);
    fileConfig = parsed.config;
  }
  const kubeVersion = kubeMinor(input.kubeVersion ?? fileConfig.kubeVersion ?? defaultKubeVersion);
  if (!isSupportedKubeVersion(kubeVersion)) {
    // At the setting when it came from tkc.config.json (a --kube-version has no place in a file).
    const fromFile = input.kubeVersion === undefined && fileConfig.kubeVersion !== undefined && text !== undefined;
    return fail([error("TKC1003", `Kubernetes ${kubeVersion} is not supported`, { ...(fromFile ? { location: keyLocation(configFile, text, "kubeVersion") } : {}), hint: `use one of ${supportedKubeVersions.join(", ")}` })]);
  }
  const config: ProjectConfig = {
    entry: fileConfig.entry ?? DEFAULT_ENTRY,
    kubeVersion,
    outDir: fileConfig.outDir ?? "out",
    ...(fileConfig.strictVersion === true ? { strictVersion: true } : {}),
    ...(fileConfig.crds !== undefined ? { crds: fileConfig.crds } : {}),
    ...(fileConfig.policy !== undefined ? { policy: fileConfig.policy } : {}),
  };
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
    return fail([{ ...entryOutside, location: text !== undefined && !isFile ? keyLocation(configFile, text, "entry") : undefined }]);
  }
  return succeed({ dir, entry, config: { ...config, entry: relative(dir, entry).split(sep).join("/") }, configFile: text !== undefined ? configFile : undefined });
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
        const outside = (entry.isSymbolicLink() ? checkInsideProject(full, dir) : undefined) ?? (entry.isFile() ? undefined : irregularFile(full, relative(dir, full)));
        if (outside) refused.push(outside);
        else files.push(full);
      }
    }
  };
  walk(dir);
  return { files, refused };
}

export type { Diagnostic };
