import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build } from "../pipeline.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { DiffCode } from "./codes.js";
import type { DiffInput } from "./diff-bundles.js";
import { plannedBundle } from "./load-bundle.js";
import { abandonedEntries, ownerTag } from "../release/owner.js";
import { gitArgs } from "../git-args.js";

export interface BaseDiffOptions {
  /** The project (directory or root descriptor) in the working tree. */
  readonly project: string;
  /** A git ref: `origin/main`, a tag, a commit. */
  readonly base: string;
  readonly environments?: readonly string[];
  readonly kubeVersion?: string;
}

export interface BasePairs {
  readonly pairs: readonly (readonly [DiffInput, DiffInput])[];
  readonly diagnostics: readonly Diagnostic[];
  /** Text of the files both builds read (their code frames). */
  readonly sources?: Readonly<Record<string, string>>;
  readonly ok: boolean;
}

/**
 * Builds the project at a git ref and in the working tree, and pairs their bundles by environment.
 * Nothing is written: the bundles are compared as the builds planned them, in memory.
 * The base's files are exported from git's object store into a temporary folder through an index
 * of this run's own (`read-tree` + `checkout-index`): the user's repository is only read, never
 * written (no worktree registered, no index, HEAD or working tree touched), so an interruption
 * can leave nothing in it. The folder is removed again, on error and Ctrl-C too.
 */
export async function loadBaseAndWorkingTree(options: BaseDiffOptions): Promise<BasePairs> {
  const projectPath = resolve(options.project);
  if (!existsSync(projectPath)) {
    return { ok: false, pairs: [], diagnostics: [error("TKC1001", `no such file or directory: ${options.project}`, { hint: "name the project directory (or its root descriptor) to build at both revisions" })] };
  }
  const projectDir = statSync(projectPath).isDirectory() ? projectPath : dirname(projectPath);
  const top = git(projectDir, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) {
    return { ok: false, pairs: [], diagnostics: [error(DiffCode.gitUnavailable, `--base needs a git repository, and ${options.project} is not in one (${top.output})`, { hint: "diff two bundle directories instead: `tkc diff out/a/shop/prod out/b/shop/prod`" })] };
  }
  const repoRoot = top.output;
  const commit = git(repoRoot, ["rev-parse", "--verify", "--quiet", `${options.base}^{commit}`]);
  if (!commit.ok || commit.output === "") {
    // CI checkouts fetch one commit by default (actions/checkout's fetch-depth: 1): the base is
    // simply not there yet, however well it is spelled.
    const shallow = git(repoRoot, ["rev-parse", "--is-shallow-repository"]).output === "true";
    return { ok: false, pairs: [], diagnostics: [error(DiffCode.gitRefNotFound, `'${options.base}' does not name a commit in ${repoRoot}${shallow ? ", a shallow clone that holds only the last commits" : ""}`, {
      hint: shallow
        ? "fetch the base first: `git fetch origin main` for a branch, `git fetch --deepen=1` for a parent commit (or `fetch-depth: 0` with actions/checkout)"
        : "use a branch, tag or commit (`git fetch` first for a remote branch such as origin/main)",
    })] };
  }
  const realRoot = realpathSync(repoRoot);
  const inRepo = relative(realRoot, realpathSync(projectPath));
  // The project's folder is what its build may read (even when it was named by its root descriptor).
  const folderInRepo = relative(realRoot, realpathSync(projectDir));
  sweepAbandonedExports(repoRoot);
  // The folder names this process, so that a later run can tell an abandoned export (its
  // process was killed) from one in use.
  const temp = mkdtempSync(join(tmpdir(), `${EXPORT_PREFIX}${ownerTag()}-`));
  const tree = join(temp, "base");
  const cleanUp = () => rmSync(temp, { recursive: true, force: true });
  // Ctrl-C while the base is exported or built: the temporary folder goes at once.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    const exported = exportTree(repoRoot, commit.output, folderInRepo, join(temp, "index"), tree);
    // Ctrl-C reaches git too (one process group): the user stopped the diff, git did not fail.
    if (exported.signal && STOP_SIGNALS.includes(exported.signal)) onSignal(exported.signal);
    if (!exported.ok) return { ok: false, pairs: [], diagnostics: [error(DiffCode.gitUnavailable, `git could not export ${options.base}: ${exported.output}`, { hint: "check that git works in this repository (`git ls-tree ${options.base}`)" })] };
    const label = `${options.base} (${commit.output.slice(0, 12)})`;
    const baseProject = join(tree, inRepo);
    const quiet = () => undefined;
    const baseReport = existsSync(baseProject)
      ? await build({ target: baseProject, kubeVersion: options.kubeVersion, outDir: join(temp, "out-base"), write: false, log: quiet })
      : undefined; // the project is new since the base: everything is added
    if (baseReport && !baseReport.ok) {
      return {
        ok: false,
        pairs: [],
        sources: baseReport.sources,
        diagnostics: [
          ...baseReport.diagnostics,
          error(DiffCode.baseBuildFailed, `${inRepo || "the project"} does not build at ${label}`, { hint: "the errors above are in the base revision's sources; pick another --base" }),
        ],
      };
    }
    const headReport = await build({ target: projectPath, kubeVersion: options.kubeVersion, environments: options.environments, outDir: join(temp, "out-head"), write: false, log: quiet });
    const sources = { ...baseReport?.sources, ...headReport.sources };
    if (!headReport.ok) return { ok: false, pairs: [], diagnostics: headReport.diagnostics, sources };

    const diagnostics: Diagnostic[] = [...(baseReport?.diagnostics ?? []), ...headReport.diagnostics];
    const wanted = options.environments ?? [];
    // Both builds are checks (--out only spares the configured outDir its check): nothing is
    // written, and the bundles are diffed as planned, in memory.
    const baseEnvs = new Map((baseReport?.environments ?? []).filter((e) => wanted.length === 0 || wanted.includes(e.environment)).map((e) => [e.environment, e.files]));
    const headEnvs = new Map(headReport.environments.map((e) => [e.environment, e.files]));
    const names = [...headEnvs.keys(), ...[...baseEnvs.keys()].filter((e) => !headEnvs.has(e))];
    const pairs: (readonly [DiffInput, DiffInput])[] = [];
    for (const env of names) {
      const side = (files: ReadonlyMap<string, string> | undefined, sideLabel: string): DiffInput | undefined => {
        if (!files) return { label: sideLabel, missing: true };
        const planned = plannedBundle(files, sideLabel);
        if (!planned.ok) {
          diagnostics.push(...planned.diagnostics);
          return undefined;
        }
        return planned.value;
      };
      const from = side(baseEnvs.get(env), label);
      const to = side(headEnvs.get(env), "working tree");
      if (from && to) pairs.push([from, to]);
    }
    return { ok: !diagnostics.some((d) => d.severity === "error"), pairs, diagnostics, sources };
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    cleanUp();
  }
}

const EXPORT_PREFIX = "tkc-diff-";
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * The files under `inRepo` at `commit`, written below `tree` (as `tree/<inRepo>/...`) through the
 * index file `index`: the whole commit is read into it, so the repository's .gitattributes (line
 * endings, filters) apply as in a checkout, but only the project's own files are written.
 */
function exportTree(repoRoot: string, commit: string, inRepo: string, index: string, tree: string): { ok: boolean; output: string; signal?: NodeJS.Signals } {
  // Paths as written: a folder named `*` or `:(glob)x` is a name, not a pattern.
  const env = { ...process.env, GIT_INDEX_FILE: index, GIT_LITERAL_PATHSPECS: "1" };
  // An index of this run only, whatever the repository's settings: a split index would put its
  // shared part in the repository's .git, and a sparse checkout's would leave project files out.
  const own = ["-c", "core.splitIndex=false", "-c", "index.sparse=false", "-c", "core.sparseCheckout=false"];
  const read = git(repoRoot, [...own, "read-tree", commit], { env });
  if (!read.ok) return read;
  const listed = git(repoRoot, [...own, "ls-files", "-z", "--", inRepo === "" ? "." : inRepo], { env, trim: false });
  if (!listed.ok) return listed;
  return git(repoRoot, [...own, "checkout-index", "--force", "-z", "--stdin", `--prefix=${tree}${sep}`], { env, input: listed.output });
}

/**
 * Temporary folders that an earlier `tkc diff --base` left when it was killed (SIGKILL, a closed
 * CI runner): removed if the process their name tells is gone. One of a tkc from before the
 * exports held a worktree registered in the repository, which `git worktree prune` then drops.
 */
function sweepAbandonedExports(repoRoot: string): void {
  let worktree = false;
  // the same owner tags as the history's locks and temp folders: a reused pid is not the owner
  for (const folder of abandonedEntries(tmpdir(), EXPORT_PREFIX)) {
    if (lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() !== true) continue;
    worktree ||= existsSync(join(folder, "base", ".git"));
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // another user's, in a shared /tmp: theirs to remove
    }
  }
  if (worktree) git(repoRoot, ["worktree", "prune"]);
}

function git(cwd: string, args: readonly string[], more: { readonly env?: NodeJS.ProcessEnv; readonly input?: string; readonly trim?: boolean } = {}): { ok: boolean; output: string; signal?: NodeJS.Signals } {
  const result = spawnSync("git", gitArgs(args), { cwd, encoding: "utf8", env: more.env, input: more.input, stdio: [more.input === undefined ? "ignore" : "pipe", "pipe", "pipe"], maxBuffer: 1 << 30 });
  if (result.error) return { ok: false, output: result.error.message };
  const text = result.status === 0 ? result.stdout : result.stderr || result.stdout;
  const output = more.trim === false && result.status === 0 ? text : text.trim();
  return { ok: result.status === 0, output, ...(result.signal ? { signal: result.signal } : {}) };
}
