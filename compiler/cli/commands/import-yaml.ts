import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, resolve } from "node:path";
import { error, hasErrors } from "../../diagnostics/diagnostic.js";
import { ImportCode, planImportProject, readManifests, renderReport } from "../../import-yaml/index.js";
import { defaultKubeVersion, isSupportedKubeVersion, kubeMinor } from "../../../schemas/index.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { writeGeneratedFile } from "../write-generated.js";

export interface ImportYamlArgs {
  files: string[];
  out?: string;
  raw?: boolean;
  includeSecrets?: boolean;
  env?: string;
  name?: string;
  kubeVersion?: string;
  force?: boolean;
}

function toReleaseName(dir: string): string {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return name.slice(0, 53) || "app";
}

/** `tkc import yaml FILES|DIRS --out DIR`: plans the project, then writes it in one rename. */
export function runImportYaml(args: ImportYamlArgs, output: Output): number {
  if (!args.out) {
    output.err("error: tkc import yaml needs --out DIR, the folder of the new project\n  hint: tkc import yaml k8s/ --out my-app");
    return EXIT.usage;
  }
  const kubeVersion = kubeMinor(args.kubeVersion ?? defaultKubeVersion);
  if (!isSupportedKubeVersion(kubeVersion)) {
    output.err(`error: unsupported --kube-version ${kubeVersion}\n  hint: use one of the versions tkc ships types for, e.g. ${defaultKubeVersion}`);
    return EXIT.usage;
  }
  const outDir = resolve(args.out);
  const read = readManifests(args.files, process.cwd());
  const diagnostics = [...read.diagnostics];
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !args.force) {
    diagnostics.push(error(ImportCode.outputNotEmpty, `the output folder ${args.out} is not empty`, { hint: "choose a new folder, or pass --force to write the project over its files" }));
  }
  if (hasErrors(diagnostics)) {
    printDiagnostics(output, diagnostics);
    return EXIT.userError;
  }
  const plan = planImportProject(read.manifests, {
    name: args.name ?? toReleaseName(outDir),
    env: args.env,
    kubeVersion,
    includeSecrets: args.includeSecrets ?? false,
    raw: args.raw ?? false,
    outDir,
  });
  printDiagnostics(output, plan.diagnostics);
  if (hasErrors(plan.diagnostics)) return EXIT.userError;
  // A link in the way is TKC4007, reported by main.
  writeProject(outDir, plan.files);
  output.out(renderReport(plan, args.out.replace(/\/+$/, "") || "."));
  return EXIT.ok;
}

/** A new folder appears whole (written beside it, then renamed); into an existing one (--force) file by file. */
function writeProject(outDir: string, files: ReadonlyMap<string, string>): void {
  const fresh = !existsSync(outDir);
  const target = fresh ? `${outDir}.tkc-import-${process.pid}` : outDir;
  if (fresh) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
  }
  for (const [file, content] of files) writeGeneratedFile(target, file, content);
  if (fresh) renameSync(target, outDir);
}
