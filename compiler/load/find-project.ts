import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_FILE = "tkc.config.json";
export const DEFAULT_ENTRY = "release.k8s.ts";

/**
 * The project directory a path on the command line means: the directory itself when it holds
 * tkc.config.json or a release.k8s.ts, else the nearest parent holding tkc.config.json (so
 * `tkc build` works from a subfolder, as git does), else the directory unchanged.
 */
export function findProjectDir(target: string): string {
  const dir = resolve(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return dir;
  if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, DEFAULT_ENTRY))) return dir;
  return nearestConfigDir(dirname(dir)) ?? dir;
}

/** The folder that holds tkc.config.json: `from` itself or the nearest one above it. */
export function nearestConfigDir(from: string): string | undefined {
  for (let at = resolve(from); ; at = dirname(at)) {
    if (existsSync(join(at, CONFIG_FILE))) return at;
    if (dirname(at) === at) return undefined;
  }
}
