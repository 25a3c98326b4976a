import { readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { sha256 } from "../cache/cache-dir.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../model/source.js";
import { fileKind } from "./regular-file.js";
import { nonUtf8Warning, type Utf8Reader } from "./utf8.js";

/**
 * A project file (a descriptor, tkc.config.json, a CRD schema) that is not a regular file, refused
 * unread: opening a FIFO waits for a writer (a build blocked for ever) and a device never ends.
 * Undefined for a regular file, or one that does not exist (the caller's to report).
 */
export function irregularFile(path: string, shown: string = path): Diagnostic | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (stat.isFile()) return undefined;
  return error("TKC1111", `${shown} is ${fileKind(stat)}, not a file: tkc does not read it`, { location: { file: path, line: 1, column: 1 }, hint: "replace it with a regular file" });
}

export function readSource(path: string): SourceFile {
  return sourceOf(path, readFileSync(path));
}

function sourceOf(path: string, bytes: Buffer): SourceFile {
  const text = bytes.toString("utf8");
  return { path, text, sha256: sha256(text) };
}

/** A descriptor (or a text file it imports), with a warning when its bytes are not UTF-8 (utf8.ts). */
export function readDescriptor(path: string, reader: Utf8Reader = "descriptor"): { readonly source: SourceFile; readonly problem?: Diagnostic } {
  const bytes = readFileSync(path);
  const source = sourceOf(path, bytes);
  const problem = nonUtf8Warning(path, bytes, reader);
  return problem ? { source, problem } : { source };
}

/** The same file with its path relative to the project, `/`-separated, as bundle.json records it. */
export function relativeSource(source: SourceFile, projectDir: string): SourceFile {
  return { ...source, path: relative(projectDir, source.path).split(sep).join("/") };
}
