import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { error, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourcedObject } from "../../model/object.js";
import { readKubernetesYaml } from "../../load/yaml/read.js";
import { validateObjects } from "../../validate/validate.js";
import { defaultKubeVersion, isSupportedKubeVersion, supportedKubeVersions } from "../../../schemas/index.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";

export interface ValidateArgs {
  files: string[];
  "kube-version"?: string;
}

export const validateCommand = {
  command: "validate <files..>",
  describe: "Validate plain Kubernetes YAML (from Helm, Kustomize, kubectl) with tkc's schema and semantic checks",
  builder: (yargs: Argv) =>
    yargs
      .positional("files", { type: "string", array: true, describe: "YAML files or directories (searched for *.yaml, *.yml)" })
      .option("kube-version", { type: "string", default: defaultKubeVersion, describe: "target Kubernetes version (1.33-1.36)" })
      .example("$0 validate deploy/*.yaml", "check manifests before applying them")
      .example("helm template my-chart > all.yaml && $0 validate all.yaml --kube-version 1.33", "check a Helm chart's output against Kubernetes 1.33"),
};

function expandInputs(inputs: readonly string[], diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) {
      diagnostics.push(error("TKC1001", `no such file or directory: ${input}`, { hint: "check the path" }));
    } else if (statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) if (/\.ya?ml$/.test(name)) files.push(join(input, name));
    } else files.push(input);
  }
  return files;
}

export function runValidate(args: ValidateArgs, output: Output): number {
  const kubeVersion = args["kube-version"] ?? defaultKubeVersion;
  if (!isSupportedKubeVersion(kubeVersion)) {
    output.err(`error: Kubernetes ${kubeVersion} is not supported; use one of ${supportedKubeVersions.join(", ")}`);
    return EXIT.usage;
  }
  const diagnostics: Diagnostic[] = [];
  const objects: SourcedObject[] = [];
  // Code frames show these files, the ones validated, as they were read.
  const sources: Record<string, string> = {};
  for (const file of expandInputs(args.files, diagnostics)) {
    const text = readFileSync(file, "utf8");
    sources[file] = text;
    const read = readKubernetesYaml(file, text);
    diagnostics.push(...read.diagnostics);
    objects.push(...read.objects);
  }
  if (!hasErrors(diagnostics)) diagnostics.push(...validateObjects(objects, kubeVersion));
  printDiagnostics(output, diagnostics, sources);
  if (hasErrors(diagnostics)) return EXIT.userError;
  output.out(`${objects.length} objects valid for Kubernetes ${kubeVersion}`);
  return EXIT.ok;
}
