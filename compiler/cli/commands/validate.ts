import { existsSync, statSync } from "node:fs";
import { counted } from "../../diagnostics/counted.js";
import { dirname, join } from "node:path";
import type { Argv } from "yargs";
import { error, hasErrors, type Diagnostic, type Severity } from "../../diagnostics/diagnostic.js";
import { scrubSecrets } from "../../diagnostics/redact.js";
import { displayPath } from "../../diagnostics/render.js";
import { configuredCrdFolders } from "../../load/crds.js";
import { loadCrds as loadProjectCrds } from "../../load/project-crds.js";
import { YamlCode } from "../../load/yaml/codes.js";
import { readManifests, type ReadManifestsOptions, STDIN_NAME } from "../../load/yaml/inputs.js";
import type { SourcedObject } from "../../model/object.js";
import type { CustomResourceSchemas } from "../../validate/schema/index.js";
import { validateObjects } from "../../validate/validate.js";
import { validateSemantics } from "../../validate/semantic/index.js";
import { customResourceDefinitions } from "../../validate/semantic/rules/custom-resource-definitions.js";
import { defaultKubeVersion, isSupportedKubeVersion, kubeMinor, newestKubeVersion, oldestKubeVersion, supportedKubeVersions } from "../../../schemas/index.js";
import { EXIT, printAnnotations, printDiagnostics, sarifText, type DiagnosticFormat, type Output } from "../output.js";
import { diagnosticRecord, errorsFirst } from "../../diagnostics/formats.js";
import { named } from "../usage-error.js";
import { CONFIG_FILE, nearestConfigDir } from "../../load/find-project.js";
import { listOption } from "../lists.js";

export interface ValidateArgs {
  files: string[];
  "kube-version"?: string;
  crds?: string | string[];
  strict?: boolean;
  policy?: "error" | "warning";
  format?: DiagnosticFormat;
}

/** Diagnostics printed per run at most (`TKC_MAX_DIAGNOSTICS` changes it, for tests). */
export const MAX_PRINTED_DIAGNOSTICS = 1000;

export const validateCommand = {
  command: "validate <files..>",
  describe: "Validate plain Kubernetes YAML (from Helm, Kustomize, kubectl) with tkc's schema and semantic checks",
  builder: (yargs: Argv) =>
    yargs
      .positional(...listOption("files", { type: "string", array: true, describe: "YAML files, directories (searched recursively for *.yaml, *.yml; a tkc bundle folder as one bundle), or - for standard input" }))
      .option("kube-version", { type: "string", requiresArg: true, coerce: named("kube-version", "a version such as 1.36"), default: defaultKubeVersion, describe: `target Kubernetes version(s), comma-separated: ${oldestKubeVersion},${newestKubeVersion} checks each` })
      .option("crds", { type: "string", requiresArg: true, describe: "folder of CRDs for custom resources: CustomResourceDefinition YAML and/or `tkc import crd` schemas; repeatable (default: the nearest tkc.config.json's)" })
      .option("strict", { type: "boolean", default: false, describe: "custom resources with no known CRD are errors (default: skipped with a warning)" })
      .option("policy", { choices: ["warning", "error"] as const, default: "warning" as const, describe: "severity of opinions that the API server does not enforce (image tags, ...)" })
      .option("format", { choices: ["text", "json", "sarif"] as const, default: "text" as DiagnosticFormat, describe: "text for people and CI logs, json for tools, sarif (SARIF 2.1.0) for code scanning" })
      .example("$0 validate deploy/", "check every manifest under deploy/ (recursively) before applying it")
      .example(`helm template my-chart | $0 validate - --kube-version ${oldestKubeVersion},${newestKubeVersion}`, "check a chart's output against two Kubernetes versions")
      .example("$0 validate --crds crds/ --strict rendered/", "check custom resources too, and fail on any without a CRD"),
};

function parseVersions(text: string): string[] | undefined {
  const versions = [...new Set(text.split(",").map((v) => kubeMinor(v.trim())).filter((v) => v !== ""))];
  return versions.length > 0 && versions.every(isSupportedKubeVersion) ? versions.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])) : undefined;
}

interface CrdSources {
  readonly customResources?: CustomResourceSchemas;
  readonly crdObjects: SourcedObject[];
  readonly diagnostics: Diagnostic[];
}

/** CRDs for custom resources: `--crds` folders (CRD YAML and imported schemas), else the nearest project's imported schemas. */
function loadCrds(folders: readonly string[] | undefined, options: ReadManifestsOptions): CrdSources {
  if (!folders || folders.length === 0) {
    const found = nearestConfigDir(process.cwd());
    const config = found === undefined ? undefined : join(found, CONFIG_FILE);
    if (!config) return { crdObjects: [], diagnostics: [] };
    const configured = configuredCrdFolders(config);
    const project = loadProjectCrds({ dir: dirname(config), configFile: config }, configured.folders);
    return { ...(project.customResources ? { customResources: project.customResources } : {}), crdObjects: [], diagnostics: [...configured.diagnostics, ...project.diagnostics] };
  }
  const diagnostics: Diagnostic[] = [];
  const existing = folders.filter((folder) => {
    const ok = existsSync(folder) && statSync(folder).isDirectory();
    if (!ok) diagnostics.push(error("TKC1001", `--crds ${folder}: no such folder`, { hint: "name a folder of CustomResourceDefinition YAML files or `tkc import crd` schemas" }));
    return ok;
  });
  const schemas = loadProjectCrds({ dir: process.cwd() }, { dirs: existing, explicit: true });
  for (const d of schemas.diagnostics) diagnostics.push(d);
  const read = readManifests(existing, options);
  for (const d of read.diagnostics) diagnostics.push(d);
  const crdObjects = read.sets.flatMap((set) => set.objects).filter((o) => o.object.apiVersion === "apiextensions.k8s.io/v1" && o.object.kind === "CustomResourceDefinition");
  // A CRD whose names the API server refuses is not used (compiler/crd/crd-names.ts): say so,
  // rather than leave its custom resources to look unknown.
  diagnostics.push(...validateSemantics(crdObjects, [customResourceDefinitions]));
  return { ...(schemas.customResources ? { customResources: schemas.customResources } : {}), crdObjects, diagnostics };
}

export interface VersionReport {
  readonly kubeVersion: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface ValidateRun {
  /** Every diagnostic, once: those that differ between versions say which version they are for. */
  readonly diagnostics: Diagnostic[];
  readonly versions: VersionReport[];
  readonly objects: number;
  readonly files: number;
  readonly secretLines: Map<string, Set<number>>;
  /** Text of the files validated, by path: code frames come from these only. */
  readonly sources: Readonly<Record<string, string>>;
}

export interface ValidateRunOptions {
  readonly kubeVersions: readonly string[];
  readonly crds?: readonly string[];
  readonly strict?: boolean;
  readonly policy?: Severity;
  readonly read?: ReadManifestsOptions;
}

/** `tkc validate` without the printing: read the inputs, validate each set for each version. */
export function validateManifests(inputs: readonly string[], options: ValidateRunOptions): ValidateRun {
  const read = readManifests(inputs, options.read ?? {});
  const crds = loadCrds(options.crds, options.read ?? {});
  const shared: Diagnostic[] = [...crds.diagnostics, ...read.diagnostics];
  const objects = read.sets.reduce((n, set) => n + set.objects.length, 0);
  if (objects === 0 && !hasErrors(shared)) {
    shared.push(error(YamlCode.noObjects, `no Kubernetes object found in ${counted(read.files, "file")}${inputs.length > 0 ? ` (${inputs.map((i) => (i === "-" || i === STDIN_NAME ? "standard input" : displayPath(i, process.cwd()))).join(", ")})` : ""}`, {
      hint: "check the paths: tkc validate reads *.yaml and *.yml files (folders recursively) and - for standard input",
    }));
  }
  const perVersion = options.kubeVersions.map((kubeVersion) => {
    const found: Diagnostic[] = [];
    for (const set of read.sets) {
      const problems = validateObjects(set.objects, kubeVersion, {
        ...(crds.customResources ? { customResources: crds.customResources } : {}),
        ...(crds.crdObjects.length > 0 ? { extraCrds: crds.crdObjects } : {}),
        unknownCustomResources: options.strict ? "error" : "skip",
        policy: options.policy ?? "warning",
      });
      for (const d of problems) found.push(d);
    }
    return { kubeVersion, found };
  });
  const merged = mergeVersions(perVersion);
  const near = (d: Diagnostic) => d.object?.startsWith("v1 Secret ") === true || (d.location !== undefined && read.secretLines.get(d.location.file)?.has(d.location.line) === true);
  const diagnostics = scrubSecrets([...shared, ...merged], read.secretValues, near);
  const versions = perVersion.map(({ kubeVersion, found }) => {
    const errors = found.filter((d) => d.severity === "error").length + shared.filter((d) => d.severity === "error").length;
    return { kubeVersion, errors, warnings: found.length + shared.length - errors };
  });
  return { diagnostics, versions, objects, files: read.files, secretLines: read.secretLines, sources: read.texts };
}

/** A diagnostic found for every version is reported once; one found for some versions names them. */
function mergeVersions(perVersion: readonly { kubeVersion: string; found: readonly Diagnostic[] }[]): Diagnostic[] {
  if (perVersion.length === 1) return [...perVersion[0]!.found];
  const byKey = new Map<string, { diagnostic: Diagnostic; versions: string[] }>();
  for (const { kubeVersion, found } of perVersion) {
    for (const d of found) {
      const l = d.location;
      const key = [d.code, d.severity, d.object, d.path, d.message, l ? `${l.file}:${l.line}:${l.column}` : ""].join("\u0000");
      const entry = byKey.get(key);
      if (entry) {
        if (!entry.versions.includes(kubeVersion)) entry.versions.push(kubeVersion);
      } else byKey.set(key, { diagnostic: d, versions: [kubeVersion] });
    }
  }
  const all = perVersion.length;
  return [...byKey.values()].map(({ diagnostic, versions }) => (versions.length === all ? diagnostic : { ...diagnostic, message: `${diagnostic.message} (Kubernetes ${versions.join(", ")})` }));
}

export function runValidate(args: ValidateArgs, output: Output): number {
  const versionText = args["kube-version"] ?? defaultKubeVersion;
  const kubeVersions = parseVersions(versionText);
  if (!kubeVersions) {
    output.err(`error: Kubernetes ${versionText} is not supported; use one of ${supportedKubeVersions.join(", ")} (several: --kube-version ${oldestKubeVersion},${newestKubeVersion})`);
    return EXIT.usage;
  }
  const run = validateManifests(args.files, {
    kubeVersions,
    ...(args.crds !== undefined ? { crds: ([] as string[]).concat(args.crds) } : {}),
    strict: args.strict === true,
    policy: args.policy === "error" ? "error" : "warning",
  });
  const failed = hasErrors(run.diagnostics);
  const limit = Number(process.env["TKC_MAX_DIAGNOSTICS"]) || MAX_PRINTED_DIAGNOSTICS;
  printAnnotations(output, errorsFirst(run.diagnostics).slice(0, limit));
  if (args.format === "json" || args.format === "sarif") {
    output.out(args.format === "json" ? JSON.stringify(jsonReport(run, limit), null, 2) : sarifText(errorsFirst(run.diagnostics).slice(0, limit)));
    return failed ? EXIT.userError : EXIT.ok;
  }
  const maskLine = (file: string, line: number) => run.secretLines.get(file)?.has(line) === true;
  printDiagnostics(output, run.diagnostics, { sources: run.sources, maskLine, limit });
  if (kubeVersions.length === 1) {
    if (!failed) output.out(`${counted(run.objects, "object")} valid for Kubernetes ${kubeVersions[0]}`);
  } else {
    for (const v of run.versions) {
      output.out(v.errors === 0 ? `${counted(run.objects, "object")} valid for Kubernetes ${v.kubeVersion}` : `Kubernetes ${v.kubeVersion}: ${counted(v.errors, "error")} in ${counted(run.objects, "object")}`);
    }
  }
  return failed ? EXIT.userError : EXIT.ok;
}

function jsonReport(run: ValidateRun, limit: number) {
  const errors = run.diagnostics.filter((d) => d.severity === "error").length;
  const ordered = errorsFirst(run.diagnostics);
  return {
    valid: errors === 0,
    objects: run.objects,
    files: run.files,
    versions: run.versions.map((v) => ({ kubeVersion: v.kubeVersion, valid: v.errors === 0, errors: v.errors, warnings: v.warnings })),
    errors,
    warnings: run.diagnostics.length - errors,
    ...(ordered.length > limit ? { truncated: ordered.length - limit } : {}),
    diagnostics: ordered.slice(0, limit).map((d) => diagnosticRecord(d, process.cwd())),
  };
}
