import type { Argv } from "yargs";
import { buildOptions, runBuild, type BuildArgs } from "./build.js";
import type { Output } from "../output.js";
import { oldestKubeVersion } from "../../../schemas/index.js";

export const checkCommand = {
  command: "check [project]",
  describe: "Type-check and validate every environment; write nothing",
  builder: (yargs: Argv) =>
    buildOptions(yargs)
      .example("$0 check examples/shop", "all checks, no output files: for editors, pre-commit hooks and CI")
      .example(`$0 check . --kube-version ${oldestKubeVersion}`, "check against an older cluster's API")
      .example("$0 check . --format sarif > tkc.sarif", "SARIF 2.1.0 for a code-scanning upload")
      .example("$0 check . --watch", "check again on every save"),
};

export function runCheck(args: Omit<BuildArgs, "layout" | "out">, output: Output): Promise<number> {
  return runBuild({ ...args, layout: "files" }, output, false);
}
