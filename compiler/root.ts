import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

declare const __filename: string | undefined;

/**
 * This module's own file: `__filename` in the esbuild CJS bundle (dist/tkc.cjs), `import.meta.url`
 * under tsx/ESM. Guarded so that neither form breaks the other.
 */
function thisFile(): string | undefined {
  if (typeof __filename === "string" && __filename !== "") return __filename;
  try {
    const url = (import.meta as { url?: string }).url;
    return url ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}

function isTkcRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "tkc";
  } catch {
    return false;
  }
}

function walkUp(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isTkcRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

let cached: string | undefined;

/** The tkc package root (the folder with tkc's package.json), where schemas/ and dist/ live. */
export function tkcRoot(): string {
  if (cached) return cached;
  const file = thisFile();
  const found = (file ? walkUp(dirname(file)) : undefined) ?? walkUp(process.cwd());
  if (!found) throw new Error("tkc: cannot find the tkc package root (package.json named \"tkc\") above " + (file ?? process.cwd()));
  cached = found;
  return found;
}
