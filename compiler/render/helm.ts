import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readRegularText } from "./project-path.js";
import { delimiter, join, relative, resolve, sep } from "node:path";
import { parsePlainYaml } from "../load/yaml/parse-plain.js";
import { readCache, sha256, writeCache } from "../cache/cache-dir.js";
import { withToolEnv } from "./tool-env.js";
import { isInside, realPath } from "../load/confine.js";

/** The helm binary: TKC_HELM, else `helm` on PATH; undefined when there is none. */
export function findHelm(): string | undefined {
  const configured = process.env.TKC_HELM;
  // Resolved now: helm runs in a temporary folder.
  if (configured) return existsSync(configured) ? resolve(configured) : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "helm");
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const HELM_MISSING_HINT = "install Helm 3 (https://helm.sh/docs/intro/install/) and put `helm` on PATH, or set TKC_HELM to the binary's path";

/**
 * `helm version --short`, e.g. `v3.18.0+gcc58e3f`, cached by the binary's path, size, mtime and
 * inode (starting helm costs ~0.3 s; a replaced binary has another stat).
 */
export function helmVersion(helm: string, cache: string): string | { problem: string } {
  const stat = statSync(helm);
  const key = `helm-version-${sha256([helm, stat.size, stat.mtimeMs, stat.ino].join("\n"))}.json`;
  const known = readCache<{ version: string }>(cache, key);
  if (known && typeof known.version === "string") return known.version;
  const result = withToolEnv((env) => spawnSync(helm, ["version", "--short"], { env, encoding: "utf8", timeout: 30_000 }));
  if (result.error || result.status !== 0) return { problem: `${helm} did not run (${result.error?.message ?? result.stderr.trim()})` };
  const version = result.stdout.trim();
  writeCache(cache, key, { version });
  return version;
}

/**
 * Every file of a folder, sorted, relative to it with `/`; links are followed (Helm follows them
 * too, so their targets are inputs), each real folder once.
 */
export function filesUnder(dir: string): string[] {
  return folderFiles(dir).files;
}

/**
 * The files of a folder as `filesUnder` lists them, and, given the project's `root`, the first
 * link (in that order) whose target lies outside it: Helm follows links, so `.Files.Get` of one
 * would put a file from anywhere (a CI credential) into the bundle. One walk serves both.
 */
export function folderFiles(dir: string, root?: string): { files: string[]; outside?: string } {
  const files: string[] = [];
  let outside: string | undefined;
  const seen = new Set<string>();
  const shown = (full: string) => relative(dir, full).split(sep).join("/");
  const walk = (current: string) => {
    const real = realPath(current);
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(current, entry.name);
      if (entry.isSymbolicLink() && root !== undefined) {
        const target = realPath(full);
        // not followed: nothing outside the project is listed, let alone read
        if (target !== undefined && !isInside(target, root)) {
          outside ??= shown(full);
          continue;
        }
      }
      const kind = entry.isSymbolicLink() ? linkKind(full) : entry;
      if (kind?.isDirectory()) walk(full);
      else if (kind?.isFile()) files.push(shown(full));
    }
  };
  walk(dir);
  return outside === undefined ? { files } : { files, outside };
}

/** What a link points at, or undefined for a dangling one. */
function linkKind(path: string): { isDirectory(): boolean; isFile(): boolean } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A local chart's digest: of its .tgz, or of a folder's files (names and contents, sorted; `files` when already listed). */
export function chartDigest(chart: string, files?: readonly string[]): string {
  if (statSync(chart).isFile()) return `sha256:${sha256(readFileSync(chart))}`;
  const lines = (files ?? filesUnder(chart)).map((file) => `${file}\0${sha256(readFileSync(join(chart, file)))}\n`);
  return `sha256:${sha256(lines.join(""))}`;
}

/** The version in a chart folder's Chart.yaml (a .tgz is left to Helm). */
export function chartVersion(chart: string): string | undefined {
  try {
    const read = readRegularText(join(chart, "Chart.yaml"), "Chart.yaml");
    if ("problem" in read) return undefined;
    const yaml = parsePlainYaml(read.text);
    if ("problem" in yaml) return undefined;
    const parsed = yaml.value as { version?: unknown } | null;
    return parsed?.version === undefined ? undefined : String(parsed.version);
  } catch {
    return undefined;
  }
}

export interface HelmTemplate {
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: unknown;
  readonly kubeVersion: string;
  /** For an oci:// chart. */
  readonly version?: string;
}

/**
 * `helm template` of a chart, cached in the tkc cache folder by chart digest, values, Helm version
 * and the other flags: the YAML it printed, or Helm's own message.
 */
export function helmTemplate(helm: string, version: string, chart: string, digest: string, options: HelmTemplate, cache: string): { yaml: string; cached: boolean } | { problem: string } {
  const values = JSON.stringify(options.values ?? {});
  const key = `helm-${sha256([digest, sha256(values), version, options.releaseName, options.namespace, options.kubeVersion, options.version ?? ""].join("\n"))}.json`;
  const hit = readCache<{ yaml: string }>(cache, key);
  if (hit && typeof hit.yaml === "string") return { yaml: hit.yaml, cached: true };
  const result = withToolEnv((env, home) => {
    mkdirSync(join(home, "work"));
    const valuesFile = join(home, "work", "values.json");
    writeFileSync(valuesFile, values);
    const args = ["template", options.releaseName, chart, "--namespace", options.namespace, "--values", valuesFile, "--include-crds", "--kube-version", options.kubeVersion];
    if (options.version !== undefined) args.push("--version", options.version);
    return spawnSync(helm, args, { env, cwd: join(home, "work"), encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  });
  if (result.error) return { problem: `helm did not run: ${result.error.message}` };
  if (result.status !== 0) return { problem: result.stderr.trim() || `helm exited with ${result.status}` };
  writeCache(cache, key, { yaml: result.stdout });
  return { yaml: result.stdout, cached: false };
}
