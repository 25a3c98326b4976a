/**
 * The host's half of include(), kustomization() and helmChart(): descriptors describe what to
 * render, as data; this reads the project's file, or runs `helm template` / `kubectl kustomize`,
 * and returns the objects as data for the next evaluation (which applies the typed patches in the
 * realm). Nothing here runs descriptor code.
 */
import { statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { cacheDir, sha256 } from "../cache/cache-dir.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../model/source.js";
import type { DependencyRecord } from "../model/dependency.js";
import { chartDigest, chartVersion, findHelm, folderFiles, HELM_MISSING_HINT, helmTemplate, helmVersion } from "./helm.js";
import { remoteSchemaRef } from "./chart-schema-refs.js";
import { kubectlKustomize, kustomizationFiles } from "./kustomize.js";
import { parseManifests } from "./parse-manifests.js";
import { projectPath, readRegularText } from "./project-path.js";
import { projectRoot } from "../load/confine.js";

export interface RenderRequest {
  readonly key: string;
  readonly request: unknown;
  readonly location?: SourceLocation;
}

export type { DependencyRecord };

export interface Rendered {
  readonly objects: readonly unknown[];
  /** Project files it read (absolute): they join the bundle's sources. */
  readonly files: readonly string[];
  readonly record: DependencyRecord;
}

export interface RenderContext {
  readonly projectDir: string;
  readonly kubeVersion: string;
}

type Request =
  | { kind: "file"; path: string }
  | { kind: "kustomize"; dir: string }
  | { kind: "helm"; chart: string; version?: string; values: unknown; namespace: string; releaseName: string };

const relativePath = (projectDir: string, path: string) => relative(projectDir, path).split(sep).join("/");

const isText = (value: unknown): value is string => typeof value === "string" && value !== "" && !value.includes("\0");

/** The request as the stdlib makes it; anything else (options of the wrong type) is refused unrendered. */
function wellFormed(request: unknown): request is Request {
  const r = request as Partial<Record<string, unknown>> | null;
  if (typeof r !== "object" || r === null) return false;
  if (r.kind === "file") return isText(r.path);
  if (r.kind === "kustomize") return isText(r.dir);
  return r.kind === "helm" && isText(r.chart) && isText(r.namespace) && isText(r.releaseName) && (r.version === undefined || isText(r.version));
}

/** Render one request; a problem is a diagnostic at the call that made it. */
export function renderRequest(context: RenderContext, { request, location }: RenderRequest): { rendered: Rendered } | { diagnostic: Diagnostic } {
  const at = (code: string, message: string, hint: string) => ({ diagnostic: error(code, message, { location, hint }) });
  if (!wellFormed(request)) return at("TKC2301", "this call's path, chart, version, namespace or release name is not a non-empty string", "pass strings, as the option types say");
  const req = request;
  const objectsOf = (yaml: string, what: string): { problem: string } | { objects: Record<string, unknown>[] } => {
    const parsed = parseManifests(yaml);
    return parsed.problems.length > 0 ? { problem: `${what}: ${parsed.problems.join("; ")}` } : { objects: parsed.objects };
  };
  if (req.kind === "file") {
    const found = projectPath(context.projectDir, req.path);
    if ("problem" in found) return at("TKC2301", `include: ${found.problem}`, "name a YAML file inside the project, relative to its folder (tkc.config.json's)");
    const read = readRegularText(found.path, req.path);
    if ("problem" in read) return at("TKC2301", `include: ${read.problem}`, "name a YAML file inside the project, relative to its folder (tkc.config.json's)");
    const { text } = read;
    const parsed = objectsOf(text, req.path);
    if ("problem" in parsed) return at("TKC2301", `include: ${parsed.problem}`, "fix the YAML file, or leave that document out");
    return { rendered: { objects: parsed.objects, files: [found.path], record: { kind: "include", path: relativePath(context.projectDir, found.path), sha256: `sha256:${sha256(text)}` } } };
  }
  if (req.kind === "kustomize") {
    const found = projectPath(context.projectDir, req.dir);
    if ("problem" in found) return at("TKC2305", `kustomization: ${found.problem}`, "name the folder of a kustomization.yaml inside the project");
    const files = kustomizationFiles(found.path, context.projectDir);
    if ("problem" in files) return at("TKC2305", `kustomization: ${files.problem}`, "keep the kustomization and every base it lists inside the project");
    const output = kubectlKustomize(found.path);
    if ("problem" in output) return at("TKC2305", `kubectl kustomize ${req.dir} failed:\n${output.problem}`, "fix the kustomization (run `kubectl kustomize` on it to see the same message)");
    const parsed = objectsOf(output.yaml, `kubectl kustomize ${req.dir}`);
    if ("problem" in parsed) return at("TKC2305", parsed.problem, "fix the kustomization's output");
    return { rendered: { objects: parsed.objects, files: files.files, record: { kind: "kustomization", dir: relativePath(context.projectDir, found.path), renderer: output.kubectl } } };
  }
  // helm
  const helm = findHelm();
  if (!helm) return at("TKC2303", process.env.TKC_HELM ? `helmChart: TKC_HELM names ${process.env.TKC_HELM}, which does not exist` : "helmChart: no `helm` binary found on PATH (or in TKC_HELM)", HELM_MISSING_HINT);
  const version = helmVersion(helm, cacheDir(context.projectDir));
  if (typeof version !== "string") return at("TKC2303", `helmChart: ${version.problem}`, HELM_MISSING_HINT);
  if (req.chart.startsWith("oci://")) return at("TKC2304", `helmChart: ${req.chart}: oci:// charts are not rendered by this version of tkc`, "vendor the chart into the project (`helm pull oci://... --version X --untar -d vendor/charts`) and point 'chart' at its folder");
  const found = projectPath(context.projectDir, req.chart);
  if ("problem" in found) return at("TKC2304", `helmChart: ${found.problem}`, "name a chart folder (or .tgz) inside the project, e.g. ./vendor/charts/redis");
  const isFolder = statSync(found.path).isDirectory();
  // One walk of the chart folder: its links, its digest and its files (the build's inputs).
  const listed = isFolder ? folderFiles(found.path, projectRoot(context.projectDir)) : undefined;
  const leaving = listed?.outside;
  if (leaving) return at("TKC2304", `helmChart: ${req.chart} holds a link, ${leaving}, to a file outside the project: Helm would read it, and tkc does not`, "copy the file into the chart instead of linking to it");
  const remote = listed ? remoteSchemaRef(found.path, listed.files) : undefined;
  if (remote) return at("TKC2304", `helmChart: ${req.chart}'s ${remote.file} refers to ${remote.ref}, which Helm would fetch to check the values: tkc builds without the network`, "vendor the schema into the chart and refer to it by a relative path, or drop the $ref");
  const declared = isFolder ? chartVersion(found.path) : undefined;
  if (req.version !== undefined && declared !== undefined && declared !== req.version) {
    return at("TKC2304", `helmChart: ${req.chart} is version ${declared}, not ${req.version}`, `vendor version ${req.version} of the chart, or set version: "${declared}"`);
  }
  const digest = chartDigest(found.path, listed?.files);
  const output = helmTemplate(helm, version, found.path, digest, { releaseName: req.releaseName, namespace: req.namespace, values: req.values, kubeVersion: context.kubeVersion }, cacheDir(context.projectDir));
  if ("problem" in output) return at("TKC2304", `helm template failed for ${req.chart}:\n${output.problem}`, "fix the values (or the chart); `helm template` on the chart shows the same message");
  const parsed = objectsOf(output.yaml, `helm template ${req.chart}`);
  if ("problem" in parsed) return at("TKC2304", parsed.problem, "fix the chart's templates");
  const files = (listed?.files ?? []).map((file) => join(found.path, file));
  const record: DependencyRecord = {
    kind: "helmChart",
    chart: relativePath(context.projectDir, found.path),
    ...(declared ?? req.version ? { version: declared ?? req.version } : {}),
    digest,
    values: `sha256:${sha256(JSON.stringify(req.values ?? {}))}`,
    helm: version,
  };
  return { rendered: { objects: parsed.objects, files, record } };
}
