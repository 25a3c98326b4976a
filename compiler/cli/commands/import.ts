import { existsSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Argv } from "yargs";
import { error, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { CONFIG_FILE } from "../../load/project.js";
import { configuredCrdFolders, DEFAULT_CRD_DIR } from "../../load/crds.js";
import { planImport, type ImportInput } from "../../crd/import.js";
import { findCustomKind } from "../../../schemas/crds/index.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { writeGeneratedFile } from "../write-generated.js";
import { runImportYaml, type ImportYamlArgs } from "./import-yaml.js";
import { named } from "../usage-error.js";
import { nearestConfigDir } from "../../load/find-project.js";
import { readAtMost } from "../../load/read-at-most.js";
import { MAX_FILE_BYTES } from "../../load/regular-file.js";
import { listOption } from "../lists.js";

export interface ImportArgs extends ImportYamlArgs {
  what: string;
  files: string[];
  out?: string;
}

export const importCommand = {
  command: "import <what> <files..>",
  describe: "Import CustomResourceDefinitions (types and schemas for your CRDs) or existing YAML manifests (a new project)",
  builder: (yargs: Argv) =>
    yargs
      .positional("what", { type: "string", choices: ["crd", "yaml"], describe: "what to import: crd (CRD types) or yaml (manifests -> a project)" })
      .positional(...listOption("files", { type: "string", array: true, describe: "CRD manifest files, or for yaml: manifest files and folders" }))
      .option("out", { type: "string", requiresArg: true, coerce: named("out", "a folder"), describe: `output folder (crd default: the project's first "crds" folder, else ${DEFAULT_CRD_DIR}/; yaml: required, the new project)` })
      .option("raw", { type: "boolean", default: false, describe: "yaml: every object as a typed raw(), no service()/patterns" })
      .option("include-secrets", { type: "boolean", default: false, describe: "yaml: keep Secrets with values (plain text in the bundle)" })
      .option("env", { type: "string", describe: "yaml: environment name (default: the namespace of the manifests)" })
      .option("name", { type: "string", describe: "yaml: release name (default: the --out folder's name)" })
      .option("kube-version", { type: "string", requiresArg: true, coerce: named("kube-version", "a version such as 1.36"), describe: "yaml: Kubernetes version of the project" })
      .option("force", { type: "boolean", default: false, describe: "yaml: write into a non-empty --out folder" })
      .example("$0 import crd vendor/widgets-crd.yaml", "write crds/example.com/widgets.ts and crds/example.com/widgets.v1.schema.json")
      .example("$0 import crd crds-src/*.yaml --out crds", "import several operators' CRDs at once")
      .example("$0 import yaml k8s/ --out shop", "turn a folder of manifests into the project shop/ that builds to the same objects"),
};

export function runImport(args: ImportArgs, output: Output): number {
  if (args.what === "yaml") return runImportYaml(args, output);
  const diagnostics: Diagnostic[] = [];
  const inputs: ImportInput[] = [];
  for (const file of args.files) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
      output.err(`error: ${file} is a URL; tkc import crd reads local files\n  hint: download it first, e.g. curl -LO ${file}`);
      return EXIT.usage;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      diagnostics.push(error("TKC1001", `no such file: ${file}`, { hint: "give the path of a CRD manifest (.yaml)" }));
      continue;
    }
    const text = readAtMost(file, MAX_FILE_BYTES);
    if (text === undefined) {
      diagnostics.push(error("TKC1107", `${file} is larger than ${MAX_FILE_BYTES / 1048576} MiB`, { hint: "give the file of one CRD, or of a few" }));
      continue;
    }
    inputs.push({ file: resolve(file), text });
  }
  // The project around the current directory: the nearest folder with tkc.config.json, else this one.
  const project = nearestConfigDir(process.cwd()) ?? process.cwd();
  const plan = hasErrors(diagnostics) ? undefined : planImport(inputs, project);
  if (plan) diagnostics.push(...plan.diagnostics);
  printDiagnostics(output, diagnostics, { sources: Object.fromEntries(inputs.map((input) => [input.file, input.text])) });
  if (!plan || hasErrors(diagnostics)) return EXIT.userError;

  const configured = configuredCrdFolders(join(project, CONFIG_FILE)).folders.dirs[0];
  const outDir = resolve(args.out ?? join(project, configured ?? DEFAULT_CRD_DIR));
  // A link in the way is TKC4007, reported by main.
  for (const [name, content] of plan.files) writeGeneratedFile(outDir, name, content);

  const shown = (path: string) => relative(process.cwd(), path).split(sep).join("/") || ".";
  for (const kind of plan.kinds) {
    const builtin = findCustomKind(kind.apiVersion, kind.kind) ? " (replaces tkc's built-in schema in this project)" : "";
    output.out(`${kind.apiVersion} ${kind.kind} (${kind.namespaced ? "Namespaced" : "Cluster"}) -> ${kind.definition} in ${shown(join(outDir, kind.types))}${builtin}`);
  }
  const first = plan.kinds[0];
  if (first) {
    const module = relative(project, join(outDir, first.types)).split(sep).join("/").replace(/\.ts$/, ".js");
    output.out(`\nuse it in a descriptor; raw() now takes these kinds, typed by the CRD:\n  raw({ apiVersion: "${first.apiVersion}", kind: "${first.kind}", metadata: { name: "..." }, spec: { ... } })\nand the types by name: import type { ${first.definition} } from "./${module}";`);
  }
  const inConfig = configured !== undefined && resolve(project, configured) === outDir;
  if (!inConfig && resolve(project, DEFAULT_CRD_DIR) !== outDir) {
    output.out(`\nnote: add "crds": ["${relative(project, outDir).split(sep).join("/")}"] to ${CONFIG_FILE} so tkc validates these resources`);
  }
  return EXIT.ok;
}
