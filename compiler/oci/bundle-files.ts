import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlainYaml } from "../load/yaml/parse-plain.js";
import { bundleDigest, KUSTOMIZATION_FILE, type BundleManifest } from "../emit/bundle-plan.js";
import { sha256 } from "../cache/cache-dir.js";
import { REVISION_FILE } from "../release/layout.js";
import { OBJECTS_DIR } from "../emit/bundle-dir.js";

// What a bundle directory holds (docs/bundle-format.md): bundle.json, the object files it lists
// and kustomization.yaml. The same check guards a push (the directory was not edited after the
// build) and a pull (the artifact is a tkc bundle and every digest in bundle.json holds).

export const MANIFEST_FILE = "bundle.json";

/** One reason a set of files is not an intact tkc bundle: a digest that does not hold, or a file that does not belong. */
export interface BundleProblem {
  readonly kind: "digest" | "shape";
  readonly message: string;
}
const shape = (message: string): BundleProblem => ({ kind: "shape", message });
const digest = (message: string): BundleProblem => ({ kind: "digest", message });

export function parseBundleManifest(bytes: Buffer | string): BundleManifest | null {
  try {
    const value = JSON.parse(bytes.toString()) as BundleManifest;
    const ok = value && value.apiVersion === "tkc.dev/v1" && value.kind === "Bundle" && typeof value.release === "string" && typeof value.environment === "string" &&
      typeof value.version === "string" && typeof value.digest === "string" && Array.isArray(value.objects) && (value.layout === "files" || value.layout === "stream");
    return ok ? value : null;
  } catch {
    return null;
  }
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** An object file: a safe name in objects/, or (bundles written before that folder) at the top. */
const safeFile = (file: string) => SAFE_NAME.test(file.startsWith(`${OBJECTS_DIR}/`) ? file.slice(OBJECTS_DIR.length + 1) : file);

/** Every problem with a bundle's files: none means bundle.json's digests hold and nothing else is there. */
export function checkBundleFiles(files: ReadonlyMap<string, Buffer>): { manifest?: BundleManifest; problems: BundleProblem[] } {
  const raw = files.get(MANIFEST_FILE);
  if (!raw) return { problems: [shape(`there is no ${MANIFEST_FILE}`)] };
  const manifest = parseBundleManifest(raw);
  if (!manifest) return { problems: [shape(`${MANIFEST_FILE} is not a tkc Bundle (apiVersion tkc.dev/v1, kind Bundle)`)] };
  const problems: BundleProblem[] = [];
  const objectFiles = [...new Set(manifest.objects.map((o) => o.file))];
  for (const file of objectFiles) if (typeof file !== "string" || !safeFile(file)) problems.push(shape(`${MANIFEST_FILE} names an unsafe file '${String(file)}'`));
  const expected = new Set([MANIFEST_FILE, KUSTOMIZATION_FILE, ...objectFiles]);
  for (const path of files.keys()) if (!expected.has(path)) problems.push(shape(`'${path}' is not part of the bundle`));
  for (const path of expected) if (!files.has(path)) problems.push(shape(`${path} is missing`));
  if (problems.length) return { manifest, problems };

  if (manifest.layout === "files") {
    for (const object of manifest.objects) {
      const actual = sha256(files.get(object.file)!);
      if (actual !== object.sha256) problems.push(digest(`${object.file}: sha256 ${actual.slice(0, 12)}…, bundle.json says ${String(object.sha256).slice(0, 12)}…`));
    }
  } else {
    const documents = files.get(objectFiles[0] ?? "manifests.yaml")!.toString("utf8").split(/^---\n/m).filter(Boolean);
    if (documents.length !== manifest.objects.length) problems.push(digest(`manifests.yaml has ${documents.length} documents, bundle.json lists ${manifest.objects.length}`));
    manifest.objects.forEach((object, index) => {
      if (documents[index] !== undefined && sha256(documents[index]!) !== object.sha256) problems.push(digest(`document ${index + 1} of manifests.yaml does not match its sha256 in bundle.json`));
    });
  }
  if (bundleDigest(manifest.objects, manifest.inputs) !== manifest.digest) problems.push(digest(`${MANIFEST_FILE}'s digest does not match its objects`));
  // kustomization.yaml is what Flux and Argo CD apply: it must list exactly the bundle's files.
  try {
    const text = files.get(KUSTOMIZATION_FILE)!.toString("utf8");
    // A pulled bundle is anyone's: the reader must not run out of stack on it.
    const yaml = parsePlainYaml(text);
    if ("problem" in yaml) throw new Error(yaml.problem);
    const kustomization = yaml.value as Record<string, unknown>;
    const keys = Object.keys(kustomization ?? {}).sort().join(",");
    const resources = kustomization?.resources;
    if (keys !== "apiVersion,kind,resources" || !Array.isArray(resources) || resources.join("\n") !== objectFiles.join("\n")) {
      problems.push(shape(`${KUSTOMIZATION_FILE} does not list exactly the bundle's objects`));
    }
  } catch {
    problems.push(shape(`${KUSTOMIZATION_FILE} is not valid YAML`));
  }
  return { manifest, problems };
}

/**
 * The files of a bundle directory: the top level and its objects/ folder (no other folder belongs
 * to a bundle). A history revision's directory is a bundle too: its revision.json stays out of the
 * artifact. Links are listed, not followed: a bundle committed with `objects/x.yaml ->
 * ~/.docker/config.json` must not get that file read, let alone pushed.
 */
export function readBundleDir(dir: string): { files: Map<string, Buffer>; links: string[] } | null {
  if (!existsSync(join(dir, MANIFEST_FILE))) return null;
  const files = new Map<string, Buffer>();
  const links: string[] = [];
  const read = (full: string, name: string): boolean => {
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) links.push(name);
    else if (stat.isFile()) files.set(name, readFileSync(full));
    else return false;
    return true;
  };
  for (const name of readdirSync(dir).sort()) {
    if (name === REVISION_FILE) continue;
    const full = join(dir, name);
    if (read(full, name)) continue;
    if (name === OBJECTS_DIR && lstatSync(full).isDirectory()) {
      for (const inner of readdirSync(full).sort()) {
        if (!read(join(full, inner), `${OBJECTS_DIR}/${inner}`)) files.set(`${OBJECTS_DIR}/${inner}/`, Buffer.alloc(0));
      }
    } else files.set(name + "/", Buffer.alloc(0));
  }
  return { files, links };
}
