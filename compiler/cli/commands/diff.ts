import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Argv } from "yargs";
import { findProjectDir } from "../../load/find-project.js";
import { environmentList, releaseOrProject } from "../release-args.js";
import { useColor } from "../../diagnostics/render.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { diffBundles, type DiffInput } from "../../diff/diff-bundles.js";
import { loadBaseAndWorkingTree } from "../../diff/git-base.js";
import { loadRevisions } from "../../diff/history-input.js";
import { historyDir } from "../../release/layout.js";
import { latestRevisionNumber } from "../../release/revision.js";
import { BundleReadError, loadBundle } from "../../diff/load-bundle.js";
import { hasDifferences, type BundleDiff } from "../../diff/model.js";
import { renderJson } from "../../diff/render-json.js";
import { COMMENT_LIMIT, renderMarkdown } from "../../diff/render-markdown.js";
import { renderText } from "../../diff/render-text.js";
import { resolveReleaseTarget } from "../../release/target.js";
import { EXIT, printDiagnostics, type Output } from "../output.js";
import { named } from "../usage-error.js";
import { listOption } from "../lists.js";

export type DiffFormat = "text" | "markdown" | "json";

export interface DiffArgs {
  inputs: string[];
  format: DiffFormat;
  "exit-code": boolean;
  env?: string | string[];
  from?: number;
  to?: number;
  out?: string;
  base?: string;
  "kube-version"?: string;
  "comment-limit": number;
}

export const diffCommand = {
  command: "diff [inputs..]",
  describe: "Show what changes between two bundles, two revisions of a release, or a git ref and the working tree",
  builder: (yargs: Argv) =>
    yargs
      .positional(...listOption("inputs", { type: "string", array: true, describe: "two bundle directories; or a release (with --from/--to); or a project (with --base)" }))
      .option("format", { alias: "f", choices: ["text", "markdown", "json"] as const, default: "text" as DiffFormat, describe: "text for terminals and CI logs, markdown for a pull-request comment, json for tools" })
      .option("comment-limit", { type: "number", default: COMMENT_LIMIT, describe: "markdown: the longest comment, in characters (GitHub takes 65,536); objects past it are counted, not shown; 0: no limit" })
      .option("exit-code", { type: "boolean", default: false, describe: "exit 1 when there are differences, 0 when there are none, 2 or more on trouble (as diff and git diff do)" })
      .option(...listOption("env", { alias: "e", type: "string", describe: "environment whose history to diff; with --base or two output roots, a comma-separated list (default: all)" }))
      .option("from", { type: "number", describe: "revision to diff from (default: the one before --to; revision 1 is compared with nothing)" })
      .option("to", { type: "number", describe: "revision to diff to (default: the latest)" })
      .option("out", { alias: "o", type: "string", requiresArg: true, coerce: named("out", "a folder"), describe: "output root holding the release history (default: ./out, or the project's outDir)" })
      .option("base", { type: "string", describe: "git ref to build the project at and compare with the working tree" })
      .option("kube-version", { type: "string", requiresArg: true, coerce: named("kube-version", "a version such as 1.36"), describe: "with --base: target Kubernetes version for both builds" })
      .example("$0 diff out/a/shop/prod out/b/shop/prod", "compare two bundle directories")
      .example("$0 diff shop --env prod --from 6 --to 8", "compare revisions 6 and 8 of shop's prod history (under ./out)")
      .example("$0 diff examples/shop --env prod", "the latest revision of prod against the one before it")
      .example("$0 diff examples/shop --base origin/main --env prod", "build prod at origin/main and in the working tree, and compare")
      .example("$0 diff out/a out/b", "two output roots: every <release>/<env> bundle in either, paired by name")
      .example("$0 diff out/a out/b --format markdown > comment.md", "a pull-request comment: summary table, one collapsible section per object")
      .example("$0 diff out/a out/b --exit-code >/dev/null || echo changed", "CI: exit 1 when the bundles differ"),
};

type Mode = "base" | "history" | "bundles";

/** What the inputs mean: a git base, a release's history (one input and --env), or two bundles. */
function modeOf(args: DiffArgs): Mode {
  if (args.base !== undefined) return "base";
  const inputs = args.inputs ?? [];
  return args.from !== undefined || args.to !== undefined || (inputs.length === 1 && args.env !== undefined) ? "history" : "bundles";
}

/** Which inputs were given, checked before anything is read; a message means a usage error. */
function usageProblem(args: DiffArgs, mode: Mode, environments: readonly string[] | undefined): string | undefined {
  const inputs = args.inputs ?? [];
  const history = args.from !== undefined || args.to !== undefined;
  if (mode === "base") {
    if (history) return "--base cannot be combined with --from/--to";
    if (inputs.length > 1) return "with --base, name one project (the working tree's), not two inputs";
  } else if (mode === "history") {
    if (inputs.length !== 1) return "with --from/--to, name one release (or its project directory)";
    if (!environments) return "--from/--to need --env: the environment whose history to read";
    if (environments.length !== 1) return "a history diff reads one environment: name one with --env";
    for (const flag of ["from", "to"] as const) {
      const n = args[flag];
      if (n !== undefined && (!Number.isInteger(n) || n < 1)) return `--${flag} must be a revision number (1, 2, ...)`;
    }
  } else if (inputs.length !== 2) {
    return "name two bundle directories (or output roots), a release or project with --env, or a project with --base";
  } else if (environments && !(isOutputRoot(inputs[0]!) && isOutputRoot(inputs[1]!))) {
    return "--env picks environments of a history, of --base or of two output roots; two bundle directories need none";
  }
  return undefined;
}

export async function runDiff(args: DiffArgs, output: Output): Promise<number> {
  const mode = modeOf(args);
  const environments = environmentList(args.env);
  const limit = args["comment-limit"];
  const problem = !Number.isInteger(limit) || limit < 0 ? "--comment-limit takes a whole number of characters (0: no limit)" : usageProblem(args, mode, environments);
  if (problem) {
    output.err(`${problem}\n\nRun 'tkc diff --help' for usage.`);
    return EXIT.usage;
  }
  // With --exit-code, 1 means "differences": trouble exits 2, as diff(1) does.
  const trouble = args["exit-code"] ? EXIT.trouble : EXIT.userError;
  const collected = await collectPairs(args, mode, environments);
  printDiagnostics(output, collected.diagnostics, { sources: collected.sources });
  if (!collected.pairs) return trouble;
  let diffs: BundleDiff[];
  try {
    diffs = collected.pairs.map(([from, to]) => diffBundles(from, to));
  } catch (failure) {
    if (failure instanceof BundleReadError) {
      printDiagnostics(output, [failure.diagnostic]);
      return trouble;
    }
    throw failure;
  }
  const text =
    args.format === "json" ? renderJson(diffs) : args.format === "markdown" ? renderMarkdown(diffs, limit) : renderText(diffs, { color: useColor(output.io.stdout, output.io.env) });
  output.io.stdout.write(text);
  return args["exit-code"] && diffs.some(hasDifferences) ? 1 : EXIT.ok;
}

async function collectPairs(args: DiffArgs, mode: Mode, environments: readonly string[] | undefined): Promise<{ pairs?: (readonly [DiffInput, DiffInput])[]; diagnostics: readonly Diagnostic[]; sources?: Readonly<Record<string, string>> }> {
  const inputs = args.inputs ?? [];
  if (mode === "base") {
    const result = await loadBaseAndWorkingTree({ project: findProjectDir(inputs[0] ?? "."), base: args.base!, environments, kubeVersion: args["kube-version"] });
    return { pairs: result.ok ? [...result.pairs] : undefined, diagnostics: result.diagnostics, sources: result.sources };
  }
  if (mode === "history") {
    const resolved = resolveReleaseTarget(releaseOrProject(inputs[0]!, args.out), args.out);
    if (!resolved.target) return { diagnostics: resolved.diagnostic ? [resolved.diagnostic] : [] };
    const environment = environments![0]!;
    const { outRoot, release } = resolved.target;
    // The first revision has none before it: by default it is compared with nothing (all added).
    const first = args.from === undefined && (args.to ?? latestRevisionNumber(historyDir(outRoot, release, environment))) === 1;
    const loaded = loadRevisions({ ...resolved.target, environment, from: first ? 1 : args.from, to: args.to });
    if (!loaded.ok) return { diagnostics: loaded.diagnostics };
    const nothing: DiffInput = { label: `${release}/${environment} before revision 1`, missing: true };
    return { pairs: [first ? [nothing, loaded.value[1]] : loaded.value], diagnostics: loaded.warnings };
  }
  const pairs: (readonly [DiffInput, DiffInput])[] = [];
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  for (const [from, to] of bundleDirPairs(inputs[0]!, inputs[1]!, environments)) {
    const side = (dir: string | undefined, label: string): DiffInput | undefined => {
      if (dir === undefined) return { label, missing: true };
      const loaded = loadBundle(dir);
      diagnostics.push(...(loaded.ok ? loaded.warnings : loaded.diagnostics));
      if (!loaded.ok) ok = false;
      return loaded.ok ? loaded.value : undefined;
    };
    const a = side(from.dir, from.label);
    const b = side(to.dir, to.label);
    if (a && b) pairs.push([a, b]);
  }
  return ok ? { pairs, diagnostics } : { diagnostics };
}

interface Side {
  readonly dir?: string;
  readonly label: string;
}

/** Bundle directories below an output root: `<release>/<env>/bundle.json`, history aside. */
function bundlesUnder(root: string): string[] {
  const found: string[] = [];
  for (const release of readdirSync(root, { withFileTypes: true })) {
    if (!release.isDirectory() || release.name.startsWith(".")) continue;
    for (const env of readdirSync(join(root, release.name), { withFileTypes: true })) {
      if (env.isDirectory() && env.name !== "history" && existsSync(join(root, release.name, env.name, "bundle.json"))) found.push(`${release.name}/${env.name}`);
    }
  }
  return found.sort();
}

function isOutputRoot(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && !existsSync(join(dir, "bundle.json")) && bundlesUnder(dir).length > 0;
}

/**
 * Two bundle directories are one pair. Two output roots (`tkc diff out/a out/b`, each as
 * `tkc build --out` wrote it) give one pair per `<release>/<env>` in either; a bundle only on
 * one side is compared with nothing (all added or all removed); `--env` keeps those environments.
 */
function bundleDirPairs(a: string, b: string, environments: readonly string[] | undefined): (readonly [Side, Side])[] {
  if (!isOutputRoot(a) || !isOutputRoot(b)) return [[{ dir: a, label: a }, { dir: b, label: b }]];
  const inA = new Set(bundlesUnder(a));
  const inB = new Set(bundlesUnder(b));
  const names = [...new Set([...inA, ...inB])].filter((name) => !environments || environments.includes(name.split("/")[1]!));
  return names.sort().map((name) => {
    const side = (root: string, has: boolean): Side => ({ ...(has ? { dir: join(root, name) } : {}), label: join(root, name) });
    return [side(a, inA.has(name)), side(b, inB.has(name))] as const;
  });
}
