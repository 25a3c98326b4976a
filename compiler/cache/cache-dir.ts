import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { UnsafeOutput } from "../release/output-path.js";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";

/** Per-project cache of type-check and evaluation results, keyed by content hashes. */
/**
 * The project's cache folder (TKC_CACHE_DIR, else <project>/.tkc-cache), not created. An empty
 * TKC_CACHE_DIR is unset, as a CI's `TKC_CACHE_DIR: ${{ env.NOTHING }}` gives: it resolved to the
 * working directory, which then filled with cache files.
 */
export function cacheDirPath(projectDir: string): string {
  return resolve(process.env.TKC_CACHE_DIR || join(projectDir, ".tkc-cache"));
}

export function cacheDir(projectDir: string): string {
  const dir = cacheDirPath(projectDir);
  // The project's own cache folder must not be a link: a commit can plant `.tkc-cache ->
  // ~/elsewhere`, and every cache write would land there. TKC_CACHE_DIR is the user's own choice.
  if (!process.env.TKC_CACHE_DIR && lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new UnsafeOutput(`${dir} is a symbolic link; tkc never writes its cache through a link in the project`, dir, "remove the link (a commit may have planted it), or set TKC_CACHE_DIR to a folder of your own");
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function readCache<T>(dir: string, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, key), "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Write through a temp file and rename, so a killed build never leaves a torn cache entry. */
export function writeCache(dir: string, key: string, value: unknown): void {
  const file = join(dir, key);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, file);
}
