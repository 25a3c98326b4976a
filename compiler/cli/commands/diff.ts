import type { Argv } from "yargs";
import { useColor } from "../../diagnostics/render.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { diffBundles, type DiffInput } from "../../diff/diff-bundles.js";
import { loadBaseAndWorkingTree } from "../../diff/git-base.js";
import { loadRevisions } from "../../diff/history-input.js";
import { BundleReadError, loadBundle } from "../../diff/load-bundle.js";
import { hasDifferences, type BundleDiff } from "../../diff/model.js";
import { renderJson } from "../../diff/render-json.js";
import { renderMarkdown } from "../../diff/render-markdown.js";
import { renderText } from "../../diff/render-text.js";
import { resolveReleaseTarget } from "../../release/target.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";

export type DiffFormat = "text" | "markdown" | "json";

export interface DiffArgs {
  inputs: string[];
  format: DiffFormat;
  "exit-code": boolean;
  env?: string;
  from?: number;
  to?: number;
  out?: string;
  base?: string;
  "kube-version"?: string;
}

export const diffCommand = {
  command: "diff [inputs..]",
  describe: "Show what changes between two bundles, two revisions of a release, or a git ref and the working tree",
  builder: (yargs: Argv) =>
    yargs
      .positional("inputs", { type: "string", array: true, describe: "two bundle directories; or a release (with --from/--to); or a project (with --base)" })
      .option("format", { alias: "f", choices: ["text", "markdown", "json"] as const, default: "text" as DiffFormat, describe: "text for terminals and CI logs, markdown for a pull-request comment, json for tools" })
      .option("exit-code", { type: "boolean", default: false, describe: "exit 1 when there are differences, 0 when there are none" })
      .option("env", { alias: "e", type: "string", describe: "environment (required with --from/--to; with --base, default: all)" })
      .option("from", { type: "number", describe: "revision to diff from (default: the one before --to)" })
      .option("to", { type: "number", describe: "revision to diff to (default: the latest)" })
      .option("out", { alias: "o", type: "string", describe: "output root holding the release history (default: ./out, or the project's outDir)" })
      .option("base", { type: "string", describe: "git ref to build the project at and compare with the working tree" })
      .option("kube-version", { type: "string", describe: "with --base: target Kubernetes version for both builds" })
      .example("$0 diff out/a/shop/prod out/b/shop/prod", "compare two bundle directories")
      .example("$0 diff shop --env prod --from 6 --to 8", "compare revisions 6 and 8 of shop's prod history (under ./out)")
      .example("$0 diff examples/shop --base origin/main --env prod", "build prod at origin/main and in the working tree, and compare")
      .example("$0 diff out/a out/b --format markdown > comment.md", "a pull-request comment: summary table, one collapsible section per object")
      .example("$0 diff out/a out/b --exit-code >/dev/null || echo changed", "CI: exit 1 when the bundles differ"),
};

/** Which inputs were given, checked before anything is read; a message means a usage error. */
function usageProblem(args: DiffArgs): string | undefined {
  const inputs = args.inputs ?? [];
  const history = args.from !== undefined || args.to !== undefined;
  if (args.base !== undefined) {
    if (history) return "--base cannot be combined with --from/--to";
    if (inputs.length > 1) return "with --base, name one project (the working tree's), not two inputs";
  } else if (history) {
    if (inputs.length !== 1) return "with --from/--to, name one release (or its project directory)";
    if (!args.env) return "--from/--to need --env: the environment whose history to read";
    for (const flag of ["from", "to"] as const) {
      const n = args[flag];
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) return `--${flag} must be a revision number (1, 2, ...)`;
    }
  } else if (inputs.length !== 2) {
    return "name two bundle directories, or a release with --from/--to, or a project with --base";
  }
  return undefined;
}

export async function runDiff(args: DiffArgs, output: Output): Promise<number> {
  const problem = usageProblem(args);
  if (problem) {
    output.err(`${problem}\n\nRun 'tkc diff --help' for usage.`);
    return EXIT.usage;
  }
  const collected = await collectPairs(args);
  printDiagnostics(output, collected.diagnostics);
  if (!collected.pairs) return EXIT.userError;
  let diffs: BundleDiff[];
  try {
    diffs = collected.pairs.map(([from, to]) => diffBundles(from, to));
  } catch (failure) {
    if (failure instanceof BundleReadError) {
      printDiagnostics(output, [failure.diagnostic]);
      return EXIT.userError;
    }
    throw failure;
  }
  const text =
    args.format === "json" ? renderJson(diffs) : args.format === "markdown" ? renderMarkdown(diffs) : renderText(diffs, { color: useColor(output.io.stdout, output.io.env) });
  output.io.stdout.write(text);
  return args["exit-code"] && diffs.some(hasDifferences) ? 1 : EXIT.ok;
}

async function collectPairs(args: DiffArgs): Promise<{ pairs?: (readonly [DiffInput, DiffInput])[]; diagnostics: readonly Diagnostic[] }> {
  const inputs = args.inputs ?? [];
  if (args.base !== undefined) {
    const result = await loadBaseAndWorkingTree({ project: inputs[0] ?? ".", base: args.base, environments: args.env ? [args.env] : undefined, kubeVersion: args["kube-version"] });
    return { pairs: result.ok ? [...result.pairs] : undefined, diagnostics: result.diagnostics };
  }
  if (args.from !== undefined || args.to !== undefined) {
    const resolved = resolveReleaseTarget(inputs[0]!, args.out);
    if (!resolved.target) return { diagnostics: resolved.diagnostic ? [resolved.diagnostic] : [] };
    const loaded = loadRevisions({ ...resolved.target, environment: args.env!, from: args.from, to: args.to });
    return loaded.ok ? { pairs: [loaded.value], diagnostics: loaded.warnings } : { diagnostics: loaded.diagnostics };
  }
  const a = loadBundle(inputs[0]!);
  const b = loadBundle(inputs[1]!);
  const diagnostics = [...(a.ok ? a.warnings : a.diagnostics), ...(b.ok ? b.warnings : b.diagnostics)];
  return a.ok && b.ok ? { pairs: [[a.value, b.value]], diagnostics } : { diagnostics };
}
