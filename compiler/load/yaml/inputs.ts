/**
 * The inputs of `tkc validate`: files, directories (searched recursively, as `helm template
 * --output-dir` writes nested folders), tkc bundle directories and `-` for standard input, read
 * into sets of objects validated together. Every file is stat'ed before it is read: devices, FIFOs
 * and files over the size limit are refused without reading a byte, and one unreadable file never
 * stops the others.
 */
import { isBundleFilePath } from "../../emit/bundle-dir.js";
import { type Dirent, readdirSync, readFileSync, statSync } from "node:fs";
import { decodeChecked, fileKind, readAtMost, readRegularFile, type DecodedText } from "../regular-file.js";
import { join } from "node:path";
import { error, warning, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourcedObject } from "../../model/object.js";
import { YamlCode } from "./codes.js";
import { documentBudget, type DocumentBudget, fileTooLarge, MAX_YAML_FILE_BYTES, readKubernetesYaml } from "./read.js";
import { nonUtf8Warning } from "../utf8.js";

/** The name standard input goes by in messages. */
export const STDIN_NAME = "<stdin>";

/** Objects that are validated together: one tkc bundle, or every other input of the run. */
export interface ManifestSet {
  /** A bundle directory, or "" for the loose files of the run. */
  readonly bundle: string;
  readonly objects: SourcedObject[];
}

export interface ReadManifestsResult {
  readonly sets: ManifestSet[];
  readonly diagnostics: Diagnostic[];
  /** Files read. */
  files: number;
  /** Per file, the lines holding Secret values (masked in code frames). */
  readonly secretLines: Map<string, Set<number>>;
  /** Secret values, scrubbed from every message. */
  readonly secretValues: string[];
  /** Text of every file read, by path: the only source of code frames. */
  readonly texts: Record<string, string>;
}

export interface ReadManifestsOptions {
  /** Bytes above which a file is refused; `TKC_MAX_FILE_BYTES` lowers the default (tests). */
  readonly maxFileBytes?: number;
  readonly budget?: DocumentBudget;
  /** Reads standard input (for `-`); defaults to file descriptor 0. */
  readonly readStdin?: (limit: number) => Buffer;
}

const YAML_FILE = /\.ya?ml$/i;
/** kustomize's own configuration, not an object for the API server (a tkc bundle writes one). */
const KUSTOMIZATION = /^kustomization\.ya?ml$|^Kustomization$/;

interface Inputs {
  readonly loose: string[];
  readonly bundles: { dir: string; files: string[] }[];
}

export function readManifests(inputs: readonly string[], options: ReadManifestsOptions = {}): ReadManifestsResult {
  const maxFileBytes = options.maxFileBytes ?? (Number(process.env["TKC_MAX_FILE_BYTES"]) || MAX_YAML_FILE_BYTES);
  const budget = options.budget ?? documentBudget();
  const result: ReadManifestsResult = { sets: [], diagnostics: [], files: 0, secretLines: new Map(), secretValues: [], texts: {} };
  const found: Inputs = { loose: [], bundles: [] };
  for (const input of inputs) {
    if (input === "-" || input === STDIN_NAME) found.loose.push(STDIN_NAME);
    else collect(input, true, found, result.diagnostics);
  }
  const readInto = (files: readonly string[], objects: SourcedObject[]) => {
    for (const file of files) {
      const text = file === STDIN_NAME ? readStdin(options, maxFileBytes, result.diagnostics) : readRegularText(file, maxFileBytes, result.diagnostics);
      if (text === undefined) continue;
      result.files++;
      result.texts[file] = text;
      const read = readKubernetesYaml(file, text, { budget, maxFileBytes });
      // one push per item: spreading 150k objects into push() overflows the stack
      for (const d of read.diagnostics) result.diagnostics.push(d);
      for (const o of read.objects) objects.push(o);
      if (read.secretLines.size > 0) result.secretLines.set(file, read.secretLines);
      for (const v of read.secretValues) result.secretValues.push(v);
    }
  };
  if (found.loose.length > 0) {
    const objects: SourcedObject[] = [];
    readInto(found.loose, objects);
    result.sets.push({ bundle: "", objects });
  }
  for (const bundle of found.bundles) {
    const objects: SourcedObject[] = [];
    readInto(bundle.files, objects);
    result.sets.push({ bundle: bundle.dir, objects });
  }
  return result;
}

function collect(path: string, explicit: boolean, found: Inputs, diagnostics: Diagnostic[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (explicit) diagnostics.push(error("TKC1001", code === "ENOENT" ? `no such file or directory: ${path}` : `cannot read ${path}: ${code ?? "error"}`, { hint: "check the path" }));
    else diagnostics.push(warning(YamlCode.unreadable, `skipped ${path}: ${code ?? "cannot stat it"}`, { location: { file: path, line: 1, column: 1 }, hint: "a dangling symbolic link or a file without read permission" }));
    return;
  }
  if (stat.isDirectory()) {
    collectDirectory(path, explicit, found, diagnostics);
  } else if (stat.isFile()) {
    found.loose.push(path);
  } else {
    const what = fileKind(stat);
    const report = explicit ? error : warning;
    diagnostics.push(report(YamlCode.unreadable, `${path} is ${what}; tkc validate reads regular files (and - for standard input)`, { location: { file: path, line: 1, column: 1 }, hint: "pipe it: ... | tkc validate -" }));
  }
}

function collectDirectory(dir: string, explicit: boolean, found: Inputs, diagnostics: Diagnostic[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    diagnostics.push(error(YamlCode.unreadable, `cannot list ${dir}: ${(cause as NodeJS.ErrnoException).code ?? "error"}`, { location: { file: dir, line: 1, column: 1 }, hint: "check the folder's permissions" }));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isFile = (name: string) => entries.some((e) => e.name === name && !e.isDirectory());
  // a past revision in a release's history (revision.json beside bundle.json): validated only when named
  if (!explicit && isFile("revision.json") && isFile("bundle.json")) return;
  if (isFile("bundle.json")) {
    const files = bundleFiles(dir, diagnostics);
    if (files) {
      found.bundles.push({ dir, files });
      return;
    }
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) collectDirectory(full, false, found, diagnostics);
    } else if (entry.isSymbolicLink() && !entry.name.startsWith(".") && statSync(full, { throwIfNoEntry: false })?.isDirectory()) {
      // Not descended into, as kubectl apply -f does not; said, so that nobody takes it as checked.
      diagnostics.push(warning(YamlCode.unreadable, `skipped ${full}: a symbolic link to a folder, which tkc validate does not follow (neither does kubectl apply -f)`, { location: { file: full, line: 1, column: 1 }, hint: `name the folder to validate it: tkc validate ${full}` }));
    } else if (YAML_FILE.test(entry.name) && !KUSTOMIZATION.test(entry.name)) {
      // symbolic links, FIFOs and devices with a .yaml name are stat'ed (not followed into folders)
      if (entry.isFile()) found.loose.push(full);
      else if (!entry.isSymbolicLink()) collect(full, false, found, diagnostics);
      else {
        let target;
        try {
          target = statSync(full);
        } catch {
          target = undefined;
        }
        if (target?.isFile()) found.loose.push(full);
        else collect(full, false, found, diagnostics);
      }
    }
  }
}

/** The YAML files of a tkc bundle directory, in install order, from its bundle.json; undefined when bundle.json is not a tkc bundle's. */
function bundleFiles(dir: string, diagnostics: Diagnostic[]): string[] | undefined {
  const manifest = join(dir, "bundle.json");
  let parsed: unknown;
  try {
    const stat = statSync(manifest);
    if (!stat.isFile() || stat.size > MAX_YAML_FILE_BYTES) return undefined;
    parsed = JSON.parse(readFileSync(manifest, "utf8"));
  } catch {
    return undefined;
  }
  const bundle = parsed as { apiVersion?: unknown; kind?: unknown; objects?: unknown } | null;
  if (bundle?.apiVersion !== "tkc.dev/v1" || bundle.kind !== "Bundle" || !Array.isArray(bundle.objects)) return undefined;
  const files: string[] = [];
  for (const entry of bundle.objects as { file?: unknown }[]) {
    const file = entry?.file;
    if (typeof file !== "string" || !isBundleFilePath(file)) {
      diagnostics.push(error(YamlCode.unreadable, `bundle.json lists an object file ${JSON.stringify(file)} that is not a file of the bundle`, { location: { file: manifest, line: 1, column: 1 }, hint: "rebuild the bundle with tkc build" }));
      continue;
    }
    const full = join(dir, file);
    if (!files.includes(full)) files.push(full);
  }
  return files;
}

/** The text, with TKC1115 when its bytes are not UTF-8: kubectl reads each such byte as U+FFFD too, unsaid. */
function checkedText(file: string, read: DecodedText, diagnostics: Diagnostic[]): string {
  const problem = read.readAsUtf8 && nonUtf8Warning(file, read.readAsUtf8, "manifest");
  if (problem) diagnostics.push(problem);
  return read.text;
}

/** The text of a regular file within the limit, or undefined with the reason reported. */
function readRegularText(file: string, maxBytes: number, diagnostics: Diagnostic[]): string | undefined {
  const at = { location: { file, line: 1, column: 1 } };
  const read = readRegularFile(file, maxBytes);
  if ("text" in read) return checkedText(file, read, diagnostics);
  if ("notRegular" in read) diagnostics.push(error(YamlCode.unreadable, `${file} is not a regular file`, { ...at, hint: "pipe it: ... | tkc validate -" }));
  else if ("tooLarge" in read) diagnostics.push(fileTooLarge(file, read.tooLarge, maxBytes));
  else diagnostics.push(error(YamlCode.unreadable, `cannot read ${file}: ${read.failed}`, { ...at, hint: read.failed === "EACCES" ? "check the file's permissions" : "check that it is a readable file" }));
  return undefined;
}

function readStdin(options: ReadManifestsOptions, maxBytes: number, diagnostics: Diagnostic[]): string | undefined {
  try {
    const buffer = options.readStdin ? options.readStdin(maxBytes) : readAtMost(0, maxBytes);
    if (buffer.length > maxBytes) {
      diagnostics.push(fileTooLarge(STDIN_NAME, buffer.length, maxBytes));
      return undefined;
    }
    return checkedText(STDIN_NAME, decodeChecked(buffer), diagnostics);
  } catch (cause) {
    diagnostics.push(error(YamlCode.unreadable, `cannot read standard input: ${(cause as NodeJS.ErrnoException).code ?? "error"}`, { hint: "pipe the manifests in: helm template ... | tkc validate -" }));
    return undefined;
  }
}
