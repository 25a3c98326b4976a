import { accessSync, constants, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { UnsafeOutput } from "../release/output-path.js";
import { writeAtomically } from "../write-atomically.js";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";

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
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch (failure) {
    // A checkout tkc may not write into (a read-only mount, a container's `-v src:/src:ro`, a
    // file named .tkc-cache) still builds, into --out: the cache is only a speed-up. A
    // TKC_CACHE_DIR that cannot be written is the user's own setting, and reported.
    if (process.env.TKC_CACHE_DIR || !UNUSABLE.has((failure as { code?: string }).code ?? "")) throw failure;
    return runOnlyCache();
  }
}

const UNUSABLE = new Set(["EROFS", "EACCES", "EPERM", "EEXIST", "ENOTDIR"]);
let runCache: string | undefined;

/** A cache folder of this process alone, removed at its exit: nothing is shared or kept. */
function runOnlyCache(): string {
  if (runCache === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "tkc-run-cache-"));
    runCache = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return runCache;
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

/** Through writeAtomically: a killed build never leaves a torn entry, and no planted link is followed. */
export function writeCache(dir: string, key: string, value: unknown): void {
  writeAtomically(join(dir, key), JSON.stringify(value));
}
