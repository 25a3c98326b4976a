import type { Argv } from "yargs";
import { resolveReleaseTarget, type ReleaseTarget } from "../release/target.js";
import { printDiagnostics, type Output } from "./output.js";

/** What `history` and `rollback` take to find a release environment's history. */
export interface ReleaseArgs {
  release: string;
  env: string;
  out?: string;
}

export function releaseOptions(yargs: Argv) {
  return yargs
    .positional("release", { type: "string", describe: "release name (history under --out, default ./out) or project directory" })
    .option("env", { alias: "e", type: "string", demandOption: true, describe: "environment" })
    .option("out", { alias: "o", type: "string", describe: "output root `tkc build` wrote to (default: the project's out/ or ./out)" });
}

/** The release's history location, or undefined after printing why there is none. */
export function resolveOrReport(args: ReleaseArgs, output: Output): ReleaseTarget | undefined {
  const resolved = resolveReleaseTarget(args.release, args.out);
  if (!resolved.target) printDiagnostics(output, [resolved.diagnostic!]);
  return resolved.target;
}
