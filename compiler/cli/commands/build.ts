import { relative } from "node:path";
import type { Argv } from "yargs";
import { build } from "../../pipeline.js";
import { EXIT, printDiagnostics, shortDigest, type Output } from "../output.js";
import type { Layout } from "../../emit/bundle-plan.js";

export interface BuildArgs {
  project: string;
  env?: string[];
  "kube-version"?: string;
  out?: string;
  layout: Layout;
}

export function buildOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional("project", { type: "string", default: ".", describe: "project directory or root descriptor" })
    .option("env", { alias: "e", type: "string", array: true, describe: "environment(s) to build (default: all)" })
    .option("kube-version", { type: "string", describe: "target Kubernetes version (1.33-1.36; default from tkc.config.json, else 1.36)" });
}

export const buildCommand = {
  command: "build [project]",
  describe: "Type-check, evaluate, validate and write the release bundle of each environment",
  builder: (yargs: Argv) =>
    buildOptions(yargs)
      .option("out", { alias: "o", type: "string", describe: "output root (default: <project>/out); bundles go to <out>/<release>/<env>/" })
      .option("layout", { choices: ["files", "stream"] as const, default: "files" as Layout, describe: "one YAML file per object, or one manifests.yaml stream" })
      .example("$0 build examples/shop", "build every environment of the shop release")
      .example("$0 build examples/shop --env prod", "build only prod, into examples/shop/out/shop/prod/")
      .example("$0 build . --layout stream --out dist", "one manifests.yaml per environment under dist/"),
};

export async function runBuild(args: BuildArgs, output: Output, write = true): Promise<number> {
  const report = await build({
    target: args.project,
    environments: args.env,
    kubeVersion: args["kube-version"],
    outDir: args.out,
    layout: args.layout,
    write,
    log: (line) => output.err(line),
  });
  printDiagnostics(output, report.diagnostics);
  if (!report.ok) return EXIT.userError;
  for (const env of report.environments) {
    const where = env.outcome === "checked" ? "checked" : `${env.outcome === "written" ? "written to" : "unchanged in"} ${relative(process.cwd(), env.outDir) || "."}`;
    output.out(`${report.release}/${env.environment}: ${env.objects} objects, ${shortDigest(env.digest)} ${where} (${Math.round(env.millis)} ms)`);
  }
  if (process.env.TKC_TIMINGS) output.err(JSON.stringify(report.timings));
  return EXIT.ok;
}
