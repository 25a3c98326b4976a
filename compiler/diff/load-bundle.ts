import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parsePlainYaml } from "../load/yaml/parse-plain.js";
import { sha256 } from "../cache/cache-dir.js";
import type { BundleManifest, BundleObjectEntry } from "../emit/bundle-plan.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fail, succeed, type StageResult } from "../model/stage.js";
import type { KubeObject } from "../model/object.js";
import { DiffCode } from "./codes.js";
import { isBundleFilePath, listBundleDir, OBJECTS_DIR } from "../emit/bundle-dir.js";
import type { LoadedBundle, LoadedObject } from "./model.js";
import { isDns1123Label, isSemanticVersion } from "../../syntax/index.js";
import { bundleDigest } from "../emit/bundle-plan.js";
import { lineEndsHint, onlyLineEnds } from "../release/check-revision.js";

const REBUILD = "rebuild it with `tkc build` (or point tkc diff at the directory that holds bundle.json)";

/**
 * Reads a bundle directory written by `tkc build` (either layout) back into memory. Object files
 * are read whole, but parsed only when a renderer or the field diff asks for them: a diff of two
 * bundles that mostly agree compares hashes and never parses most objects.
 */
export function loadBundle(dir: string, label: string = dir): StageResult<LoadedBundle> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return fail([error(DiffCode.bundleNotFound, `no bundle directory at '${dir}'`, { hint: `build it first (\`tkc build <project> --out <dir>\`); bundles are written to <out>/<release>/<environment>/` })]);
  }
  const manifestFile = join(dir, "bundle.json");
  const linked = linkedEntry(dir);
  if (linked) {
    // A bundle from a pull request can link `004-configmap-x.yaml -> ~/.docker/config.json`:
    // reading it would print someone's credentials into the review comment.
    return fail([error(DiffCode.linkedFile, `${join(dir, linked)} is a symbolic link; tkc diff reads only regular files of a bundle`, { hint: "a bundle never holds links: remove it (it may have been planted by a commit), then rebuild the bundle" })]);
  }
  if (!existsSync(manifestFile)) {
    return fail([error(DiffCode.notABundle, `'${dir}' is not a tkc bundle: it has no bundle.json`, { hint: `name an environment's directory such as out/shop/prod, or ${REBUILD}` })]);
  }
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BundleManifest;
  } catch (failure) {
    return fail([error(DiffCode.corruptManifest, `${manifestFile} is not valid JSON: ${(failure as Error).message}`, { hint: REBUILD })]);
  }
  const shapeProblem = checkManifest(manifest);
  if (shapeProblem) return fail([error(DiffCode.corruptManifest, `${manifestFile} is not a tkc bundle manifest: ${shapeProblem}`, { hint: REBUILD })]);
  // The header shows the digest: equal digests read as "the same objects", so it must be theirs.
  // (Each object's bytes are checked against its sha256 below.)
  if (bundleDigest(manifest.objects, manifest.inputs) !== manifest.digest) {
    return fail([error(DiffCode.objectModified, `${manifestFile} was changed after the build: its digest does not match the objects it lists`, { hint: `restore it (\`git checkout\`), or ${REBUILD}` })]);
  }

  return readObjects(label, manifest, (file) => readText(join(dir, file)), (file) => join(dir, file), dir);
}

/**
 * A bundle a build planned in memory (`tkc diff --base`): its files as the build made them, read
 * the way a bundle directory is read, without writing it anywhere first.
 */
export function plannedBundle(files: ReadonlyMap<string, string>, label: string): StageResult<LoadedBundle> {
  const manifest = JSON.parse(files.get("bundle.json") ?? "null") as BundleManifest;
  const shapeProblem = checkManifest(manifest);
  if (shapeProblem) throw new Error(`internal: the planned bundle.json of ${label} is not a bundle manifest: ${shapeProblem}`);
  return readObjects(label, manifest, (file) => files.get(file), (file) => `${label}: ${file}`);
}

/** Every object bundle.json lists, each checked against its sha256 (`folder`: the bundle's, when it is on disk). */
function readObjects(label: string, manifest: BundleManifest, read: (file: string) => string | undefined, shown: (file: string) => string, folder?: string): StageResult<LoadedBundle> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string[] | string>();
  const objects: LoadedObject[] = [];
  manifest.objects.forEach((entry, index) => {
    let text: string | undefined;
    if (manifest.layout === "stream") {
      let documents = texts.get(entry.file);
      if (documents === undefined) {
        documents = read(entry.file) ?? "";
        documents = typeof documents === "string" ? splitStream(documents) : documents;
        texts.set(entry.file, documents);
      }
      text = (documents as string[])[streamIndex(manifest.objects, index)];
    } else {
      text = read(entry.file);
    }
    if (text === undefined) {
      diagnostics.push(error(DiffCode.objectUnreadable, `${shown(entry.file)} is missing: bundle.json lists ${describeEntry(entry)} in it`, { hint: REBUILD }));
      return;
    }
    const digest = sha256(text);
    if (digest !== entry.sha256) {
      // An error, not a warning: a diff of bytes the build did not write reviews nothing.
      diagnostics.push(onlyLineEnds(text, (lf) => sha256(lf) === entry.sha256)
        ? error(DiffCode.objectModified, `${shown(entry.file)} has CRLF line ends where tkc wrote LF (${describeEntry(entry)})`, { hint: folder === undefined ? REBUILD : lineEndsHint(folder) })
        : error(DiffCode.objectModified, `${shown(entry.file)} was changed after the build: its sha256 no longer matches bundle.json (${describeEntry(entry)})`, { hint: `restore the file (\`git checkout\`), or ${REBUILD}` }));
      return;
    }
    objects.push(lazyObject(entry, digest, text, shown(entry.file)));
  });
  if (diagnostics.some((d) => d.severity === "error")) return fail(diagnostics);
  return succeed({ label, manifest, objects }, diagnostics);
}

function lazyObject(entry: BundleObjectEntry, digest: string, text: string, file: string): LoadedObject {
  let parsed: KubeObject | undefined;
  return {
    entry,
    sha256: digest,
    text,
    get object(): KubeObject {
      if (parsed === undefined) {
        // A bundle may be anyone's (pulled, or from a commit): read with the nesting guard.
        const yaml = parsePlainYaml(text);
        if ("problem" in yaml) throw new BundleReadError(error(DiffCode.objectUnreadable, `${file} is not valid YAML: ${yaml.problem}`, { hint: REBUILD }));
        parsed = yaml.value as KubeObject;
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
          throw new BundleReadError(error(DiffCode.objectUnreadable, `${file} does not hold a Kubernetes object`, { hint: REBUILD }));
        }
      }
      return parsed;
    },
  };
}

/**
 * Thrown by a lazy object that turns out not to parse; `tkc diff` catches it and prints the
 * diagnostic (a bundle edited by hand is a user problem, not a crash).
 */
export class BundleReadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** The first entry of a bundle directory (or of its objects/ folder) that is a symbolic link, if any. */
function linkedEntry(dir: string): string | undefined {
  return readdirSync(dir, { withFileTypes: true }).find((entry) => entry.isSymbolicLink())?.name ?? (existsSync(join(dir, OBJECTS_DIR)) ? listBundleDir(dir).find((entry) => entry.isLink)?.name : undefined);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The documents of a stream-layout file: each starts with a `---` line (block scalars are indented, so the line is unambiguous). */
function splitStream(text: string): string[] {
  const parts = text.split(/^---\n/m);
  if (parts[0] === "") parts.shift();
  return parts;
}

/** Index of an entry among the entries that share its file. */
function streamIndex(entries: readonly BundleObjectEntry[], index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (entries[i].file === entries[index].file) n++;
  return n;
}

function describeEntry(entry: BundleObjectEntry): string {
  return `${entry.apiVersion} ${entry.kind} ${entry.namespace ? entry.namespace + "/" : ""}${entry.name}`;
}

function checkManifest(manifest: unknown): string | undefined {
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) return "expected a JSON object";
  const m = manifest as Record<string, unknown>;
  if (m.kind !== "Bundle" || typeof m.apiVersion !== "string" || !m.apiVersion.startsWith("tkc.dev/")) return `expected "apiVersion": "tkc.dev/v1", "kind": "Bundle"`;
  if (!Array.isArray(m.objects)) return `"objects" is not a list`;
  for (const [i, o] of (m.objects as unknown[]).entries()) {
    const e = o as Record<string, unknown> | null;
    if (!e || typeof e.apiVersion !== "string" || typeof e.kind !== "string" || typeof e.name !== "string" || typeof e.file !== "string" || typeof e.sha256 !== "string") {
      return `objects[${i}] lacks apiVersion, kind, name, file or sha256`;
    }
    if (!isBundleFilePath(e.file) || e.file === "bundle.json") return `objects[${i}].file '${e.file}' is not a file name inside the bundle directory`;
  }
  for (const field of ["release", "environment", "version", "digest", "kubeVersion"] as const) {
    if (typeof m[field] !== "string") return `"${field}" is missing`;
  }
  // The names are printed in the diff's header, and bundle.json's names are not part of the
  // digest: a pulled artifact, or a bundle a pull request commits, may hold anything there (a
  // newline and `::error::`, a Markdown heading). tkc writes only these forms.
  if (!isDns1123Label(m.release, 53)) return `"release" is not a release name (a DNS-1123 label of at most 53 characters)`;
  if (!isDns1123Label(m.environment)) return `"environment" is not an environment name (a DNS-1123 label)`;
  if (!isSemanticVersion(m.version)) return `"version" is not a semantic version`;
  if (!/^sha256:[0-9a-f]{64}$/.test(m.digest as string)) return `"digest" is not a sha256 digest`;
  if (!/^\d{1,3}\.\d{1,3}$/.test(m.kubeVersion as string)) return `"kubeVersion" is not a Kubernetes version such as 1.36`;
  if (m.layout !== "files" && m.layout !== "stream") return `"layout" must be "files" or "stream"`;
  return undefined;
}
