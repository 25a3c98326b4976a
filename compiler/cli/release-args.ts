import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Argv } from "yargs";
import { findProjectDir } from "../load/find-project.js";
import { resolveReleaseTarget, type ReleaseTarget } from "../release/target.js";
import { commaList, listOption } from "./lists.js";
import { printDiagnostics, type Output } from "./output.js";
import { named } from "./usage-error.js";

/** What `history` and `rollback` take to find a release environment's history. */
export interface ReleaseArgs {
  release: string;
  env: string;
  out?: string;
}

export function releaseOptions(yargs: Argv, env: { required: boolean; describe: string; list?: boolean } = { required: true, describe: "environment" }) {
  const envOption = { alias: "e", type: "string", requiresArg: true, coerce: named("env", "an environment name"), demandOption: env.required, describe: env.describe } as const;
  return yargs
    .positional("release", { type: "string", default: ".", describe: "release name (history under --out, default ./out) or project directory (a subfolder of it will do); default: the project in or above the current folder" })
    .option(...(env.list ? listOption("env", envOption) : (["env", envOption] as const)))
    .option("out", { alias: "o", type: "string", requiresArg: true, coerce: named("out", "a folder"), describe: "output root `tkc build` wrote to (default: the project's out/ or ./out)" });
}

/** Environments from `--env a,b` (also repeated); undefined when none was named. */
export function environmentList(env: string | readonly string[] | undefined): string[] | undefined {
  const list = commaList(env);
  return list && list.length > 0 ? list : undefined;
}

/**
 * A release name stays a release name; a directory inside a project (`tkc history .` from a
 * subfolder) means that project, found by walking up to tkc.config.json as `tkc build` does.
 */
export function releaseOrProject(target: string, out: string | undefined): string {
  if (existsSync(join(resolve(out ?? "out"), target, "history"))) return target;
  const dir = resolve(target);
  return existsSync(dir) && statSync(dir).isDirectory() ? findProjectDir(dir) : target;
}

/** The release's history location, or undefined after printing why there is none. */
export function resolveOrReport(args: Pick<ReleaseArgs, "release" | "out">, output: Output): ReleaseTarget | undefined {
  const resolved = resolveReleaseTarget(releaseOrProject(args.release, args.out), args.out);
  if (!resolved.target) printDiagnostics(output, [resolved.diagnostic!]);
  return resolved.target;
}
