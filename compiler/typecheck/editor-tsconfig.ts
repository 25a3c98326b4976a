import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { preferredTypeSource } from "../paths.js";
import { descriptorCompilerOptions, descriptorPaths, pathsRelativeTo } from "./typecheck.js";

/** True when TypeScript finds a tkc package in node_modules from `dir` (how npm installs it). */
export function installedInNodeModules(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, "node_modules", "tkc", "package.json"))) return true;
    if (dirname(at) === at) return false;
  }
}

/**
 * The tsconfig.json a project's editor uses (written by `tkc init` and `tkc import yaml`).
 * Installed from npm, "tkc" resolves through the package's exports, so it needs no paths; run
 * from a checkout or a global install, it points at tkc's declarations, relative to the project.
 */
export function editorTsconfig(dir: string, kubeVersion: string): string {
  const fromProject = pathsRelativeTo(dir);
  const tsconfig = {
    compilerOptions: {
      ...descriptorCompilerOptions(),
      ...(installedInNodeModules(dir) ? {} : { paths: descriptorPaths(kubeVersion, fromProject, preferredTypeSource()) }),
    },
    include: ["**/*.ts"],
    exclude: ["out", "node_modules", ".tkc-cache"],
  };
  return JSON.stringify(tsconfig, null, 2) + "\n";
}
