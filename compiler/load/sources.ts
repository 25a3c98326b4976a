import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { sha256 } from "../cache/cache-dir.js";
import type { SourceFile } from "../model/source.js";

export function readSource(path: string): SourceFile {
  const text = readFileSync(path, "utf8");
  return { path, text, sha256: sha256(text) };
}

/** The same file with its path relative to the project, `/`-separated, as bundle.json records it. */
export function relativeSource(source: SourceFile, projectDir: string): SourceFile {
  return { ...source, path: relative(projectDir, source.path).split(sep).join("/") };
}
