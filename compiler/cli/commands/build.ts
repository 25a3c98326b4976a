import { defaultKubeVersion, newestKubeVersion, oldestKubeVersion } from "../../../schemas/index.js";
import type { Argv } from "yargs";
import { build } from "../../pipeline.js";
import { EXIT, printAnnotations, printDiagnostics, sarifText, type DiagnosticFormat, type Output } from "../output.js";
import { summaryLine } from "../summary-line.js";
import { diagnosticRecord, errorsFirst } from "../../diagnostics/formats.js";
import { displayPath } from "../../diagnostics/render.js";
import type { BuildReport } from "../../model/build.js";
import { environmentList, keepProblem, listOption, repeated } from "../lists.js";
import { descriptorLogLines } from "../descriptor-log.js";
import type { Layout } from "../../emit/bundle-plan.js";
import type { EnvironmentReport } from "../../model/build.js";
import { objectStream, parseSelector } from "../object-stream.js";
import { watchProject } from "../watch.js";
import { named } from "../usage-error.js";

export interface BuildArgs {
  project: string;
  env?: string[];
  "kube-version"?: string;
  out?: string;
  layout: Layout;
  "allow-same-version"?: boolean;
  "strict-version"?: boolean;
  keep?: number;
  set?: string[];
  values?: string[];
  "show-only"?: string[];
  format?: DiagnosticFormat;
  watch?: boolean;
  policy?: "error" | "warning";
}

export function buildOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional("project", { type: "string", default: ".", describe: "project directory (or a folder inside it) or root descriptor" })
    .option(...listOption("env", { alias: "e", type: "string", requiresArg: true, coerce: environmentList, describe: "environment(s) to build, comma-separated or repeated (default: all)" }))
    .option("kube-version", { type: "string", requiresArg: true, coerce: named("kube-version", "a version such as 1.36"), describe: `target Kubernetes version (${oldestKubeVersion}-${newestKubeVersion}; default from tkc.config.json, else ${defaultKubeVersion})` })
    .option(...listOption("set", { type: "string", requiresArg: true, coerce: repeated, describe: "give a build input a value: NAME=VALUE, NAME.FIELD=VALUE or ENV.NAME=VALUE (repeatable; see tkc inputs)" }))
    .option(...listOption("values", { alias: "f", type: "string", requiresArg: true, coerce: repeated, describe: "YAML or JSON file of input values, with an optional environments: section (repeatable; --set wins; -f as in Helm)" }))
    .option("watch", { alias: "w", type: "boolean", describe: "build again after every save, until Ctrl-C; a short summary per run" })
    .option("policy", { choices: ["error", "warning"] as const, describe: "severity of opinions the API server does not enforce (unpinned image tags, ...); default from tkc.config.json, else error" })
    .option("format", { choices: ["text", "json", "sarif"] as const, default: "text" as DiagnosticFormat, describe: "text for people and CI logs; json (the report and every diagnostic) or sarif (SARIF 2.1.0, for code scanning) on stdout" });
}

export const buildCommand = {
  command: "build [project]",
  describe: "Type-check, evaluate, validate and write the release bundle of each environment",
  builder: (yargs: Argv) =>
    buildOptions(yargs)
      .option("out", { alias: "o", type: "string", requiresArg: true, coerce: named("out", "a folder (or - for standard output)"), describe: "output root (default: <project>/out); bundles go to <out>/<release>/<env>/; - prints one environment's objects as a YAML stream and writes nothing" })
      .option(...listOption("show-only", { type: "string", requiresArg: true, coerce: repeated, describe: "with --out -: print only the object KIND/NAME (repeatable), as helm template --show-only" }))
      .option("layout", { choices: ["files", "stream"] as const, default: "files" as Layout, describe: "one YAML file per object, or one manifests.yaml stream" })
      .option("strict-version", { type: "boolean", describe: "refuse new content under a version that was already released (TKC4001); also \"strictVersion\": true in tkc.config.json" })
      .option("allow-same-version", { type: "boolean", default: false, describe: "with --strict-version: record new content under a released version anyway" })
      .option("keep", { type: "number", describe: "keep at most N revisions per environment (older ones are deleted)" })
      .example("$0 build examples/shop", "build every environment of the shop release")
      .example("$0 build examples/shop --env prod", "build only prod, into examples/shop/out/shop/prod/")
      .example("$0 build examples/shop --env dev,staging", "build two environments")
      .example("$0 build . --layout stream --out dist", "one manifests.yaml per environment under dist/")
      .example("$0 build . --set imageTag=2.4.1", "give the imageTag input the tag CI just built")
      .example("$0 build . --env prod --out - | kubectl apply -f -", "print prod's objects, write nothing")
      .example("$0 build . --env prod --out - --show-only Deployment/api", "print one object")
      .example("$0 build . --watch", "build again on every save"),
};

export async function runBuild(args: BuildArgs, output: Output, write = true, limit?: number): Promise<number> {
  const badKeep = keepProblem(args.keep);
  if (badKeep) {
    output.err(`error: ${badKeep}\n\nRun 'tkc build --help' for usage.`);
    return EXIT.usage;
  }
  if (args.watch) {
    if (args.out === "-" || (args.format !== undefined && args.format !== "text")) {
      output.err("error: --watch prints a summary per run for people; it does not combine with --out - or --format json|sarif\n\nRun 'tkc build --help' for usage.");
      return EXIT.usage;
    }
    // At most a screenful of diagnostics per run.
    return watchProject(args.project, args.out, output, () => runBuild({ ...args, watch: false }, output, write, 10));
  }
  if (write && args.out === "-") return runPrint(args, output);
  if (args["show-only"] !== undefined) {
    output.err("error: --show-only selects objects of the stream that --out - prints; add --out -\n\nRun 'tkc build --help' for usage.");
    return EXIT.usage;
  }
  const report = await build({
    target: args.project,
    environments: args.env,
    kubeVersion: args["kube-version"],
    outDir: args.out,
    layout: args.layout,
    allowSameVersion: args["allow-same-version"],
    strictVersion: args["strict-version"],
    keep: args.keep,
    policy: args.policy,
    inputs: { set: args.set, values: args.values },
    write,
    log: (line) => descriptorLogLines(line).forEach((l) => output.err(l)),
  });
  printAnnotations(output, report.diagnostics);
  if (args.format === "json" || args.format === "sarif") {
    output.out(args.format === "json" ? JSON.stringify(jsonReport(report), null, 2) : sarifText(report.diagnostics));
    return report.ok ? EXIT.ok : EXIT.userError;
  }
  printDiagnostics(output, report.diagnostics, { sources: report.sources, ...(limit !== undefined ? { limit } : {}) });
  if (!report.ok) return EXIT.userError;
  for (const built of report.environments) output.out(summaryLine(report.release!, built));
  if (output.io.env.TKC_TIMINGS) output.err(JSON.stringify(report.timings));
  return EXIT.ok;
}

/**
 * `--out -`: one environment's objects as one YAML stream on stdout (for `kubectl apply -f -`),
 * diagnostics on stderr, and nothing written: no bundle, no history, no warm-build entry. One
 * environment only, as Helm prints one release: several streams in one would apply as one.
 */
async function runPrint(args: BuildArgs, output: Output): Promise<number> {
  const usage = (message: string) => {
    output.err(`error: ${message}\n\nRun 'tkc build --help' for usage.`);
    return EXIT.usage;
  };
  if (args.format !== undefined && args.format !== "text") return usage(`--out - prints YAML on stdout; --format ${args.format} would print there too`);
  if (args.env && args.env.length > 1) return usage(`--out - prints one environment; name one with --env (not ${args.env.join(",")})`);
  const selectors = args["show-only"] ?? [];
  const bad = selectors.find((s) => parseSelector(s) === undefined);
  if (bad !== undefined) return usage(`--show-only ${bad}: name an object as KIND/NAME, e.g. Deployment/api`);
  const report = await build({
    target: args.project,
    environments: args.env,
    kubeVersion: args["kube-version"],
    layout: "files",
    policy: args.policy,
    inputs: { set: args.set, values: args.values },
    write: false,
    log: (line) => descriptorLogLines(line).forEach((l) => output.err(l)),
  });
  printAnnotations(output, report.diagnostics);
  printDiagnostics(output, report.diagnostics, { sources: report.sources });
  if (!report.ok) return EXIT.userError;
  if (report.environments.length !== 1) return usage(`--out - prints one environment; name one with --env: ${report.environments.map((e) => e.environment).join(", ")}`);
  const printed = objectStream(report.environments[0]!, selectors);
  if ("diagnostics" in printed) {
    printAnnotations(output, printed.diagnostics);
    printDiagnostics(output, printed.diagnostics);
    return EXIT.userError;
  }
  if (printed.stream !== "") output.out(printed.stream.replace(/\n$/, ""));
  return EXIT.ok;
}

/** `--format json`: what was built (or checked) and every diagnostic, errors first. */
function jsonReport(report: BuildReport) {
  const diagnostics = errorsFirst(report.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    ok: report.ok,
    ...(report.release !== undefined ? { release: report.release, version: report.version } : {}),
    environments: report.environments.map((built) => ({
      environment: built.environment,
      outcome: built.outcome,
      ...(built.revision !== undefined ? { revision: built.revision } : {}),
      objects: built.objects,
      digest: built.digest,
      ...(built.outcome === "checked" ? {} : { outDir: displayPath(built.outDir, process.cwd()) }),
    })),
    errors,
    warnings: diagnostics.length - errors,
    diagnostics: diagnostics.map((d) => diagnosticRecord(d, process.cwd())),
  };
}
