import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readKubernetesYaml } from "../load/yaml/read.js";
import type { KubeObject } from "../model/object.js";
import { readAtMost } from "../load/read-at-most.js";
import { MAX_YAML_FILE_BYTES } from "../load/yaml/read.js";
import { YamlCode } from "../load/yaml/codes.js";

/** One object of the input, with the file it came from and the comment lines written above it. */
export interface Manifest {
  readonly object: KubeObject;
  /** Path relative to the folder the import ran in, with `/`. */
  readonly file: string;
  readonly line: number;
  /** `#` comment lines right above the object's document (without the `#`). */
  readonly comment: readonly string[];
}

export interface ReadManifestsResult {
  readonly manifests: Manifest[];
  readonly diagnostics: Diagnostic[];
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * The objects of the given files and folders: folders are walked recursively (Helm's
 * `--output-dir` layout nests them), `.yaml`/`.yml` files in name order. Multi-document files and
 * `kind: List` are split by the YAML reader `tkc validate` uses.
 */
export function readManifests(paths: readonly string[], cwd: string): ReadManifestsResult {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      diagnostics.push(error("TKC1001", `no such file or folder: ${path}`, { hint: "give manifest files (.yaml) or folders holding them" }));
      continue;
    }
    if (isDir) files.push(...yamlFilesUnder(full));
    else files.push(full);
  }
  for (const file of [...new Set(files)]) {
    const shown = relative(cwd, file).split(sep).join("/");
    let text: string | undefined;
    try {
      text = readAtMost(file, MAX_YAML_FILE_BYTES);
    } catch (failure) {
      diagnostics.push(error("TKC1001", `cannot read ${shown}: ${(failure as { code?: string }).code ?? String(failure)}`, { hint: "give manifest files (.yaml) or folders holding them" }));
      continue;
    }
    if (text === undefined) {
      diagnostics.push(error(YamlCode.fileTooLarge, `${shown} is larger than ${MAX_YAML_FILE_BYTES / 1048576} MiB`, { hint: "import the manifests in smaller files" }));
      continue;
    }
    const read = readKubernetesYaml(shown, text);
    // Warnings of the reader (YAML 1.1 scalars, aliases) are for `tkc validate`; errors stop the import.
    diagnostics.push(...read.diagnostics.filter((d) => d.severity === "error"));
    const lines = text.split(/\r?\n/);
    for (const sourced of read.objects) {
      const line = sourced.origin?.line ?? 1;
      manifests.push({ object: sourced.object, file: shown, line, comment: commentAbove(lines, line) });
    }
  }
  return { manifests, diagnostics };
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (YAML_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

/** The comment block directly above line `line` (1-based), stopping at `---`, a blank line or content. */
function commentAbove(lines: readonly string[], line: number): string[] {
  const out: string[] = [];
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i].trim();
    if (text === "---" || text.startsWith("--- ")) continue;
    if (!text.startsWith("#")) break;
    out.unshift(text.replace(/^#+ ?/, ""));
  }
  // Helm's `# Source: chart/templates/x.yaml` markers say where the object came from: keep them.
  return out.filter((text) => text.trim() !== "");
}
