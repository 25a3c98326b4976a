import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { build } from "../pipeline.js";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { DiffCode } from "./codes.js";
import type { DiffInput } from "./diff-bundles.js";
import { plannedBundle } from "./load-bundle.js";
import { ownerAlive, ownerOfName, ownerTag } from "../release/owner.js";
import { realPath } from "../load/confine.js";
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
 * The base is checked out with `git worktree add --detach` into a temporary directory (the user's
 * tree, index and HEAD are never touched), and that worktree is removed again, on error too.
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
    return { ok: false, pairs: [], diagnostics: [error(DiffCode.gitRefNotFound, `'${options.base}' does not name a commit in ${repoRoot}`, { hint: "use a branch, tag or commit (`git fetch` first for a remote branch such as origin/main)" })] };
  }
  const inRepo = relative(realpathSync(repoRoot), realpathSync(projectPath));
  sweepAbandonedWorktrees(repoRoot);
  // The folder names this process, so that a later run can tell an abandoned worktree (its
  // process was killed) from one in use.
  const temp = mkdtempSync(join(tmpdir(), `${WORKTREE_PREFIX}${ownerTag()}-`));
  const tree = join(temp, "base");
  let added = false;
  const cleanUp = () => {
    // Twice --force: a worktree whose `git worktree add` was killed stays locked ("initializing").
    if (added) git(repoRoot, ["worktree", "remove", "--force", "--force", tree]);
    rmSync(temp, { recursive: true, force: true });
    if (added) git(repoRoot, ["worktree", "prune"]);
    added = false;
  };
  // Ctrl-C while the base builds: the worktree is the user's repository's, so it goes too.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    // Counted as added before git runs: a Ctrl-C or kill that stops git half-way leaves it registered.
    added = true;
    const add = git(repoRoot, ["worktree", "add", "--detach", "--quiet", tree, commit.output]);
    // Ctrl-C reaches git too (one process group): the user stopped the diff, git did not fail.
    if (add.signal && STOP_SIGNALS.includes(add.signal)) onSignal(add.signal);
    if (!add.ok) return { ok: false, pairs: [], diagnostics: [error(DiffCode.gitUnavailable, `git worktree add failed: ${add.output}`, { hint: "check that git works in this repository (`git worktree list`)" })] };
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

const WORKTREE_PREFIX = "tkc-diff-";
const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Worktrees that an earlier `tkc diff --base` left registered in this repository when it was
 * killed (SIGKILL, a closed CI runner): removed if the process their folder names is gone.
 */
function sweepAbandonedWorktrees(repoRoot: string): void {
  let listed = git(repoRoot, ["worktree", "list", "--porcelain"]);
  // A git killed in the instant it registers a worktree leaves its admin folder half-written
  // (an empty commondir), and `worktree list` fails; prune removes such an entry.
  if (!listed.ok && git(repoRoot, ["worktree", "prune"]).ok) listed = git(repoRoot, ["worktree", "list", "--porcelain"]);
  if (!listed.ok) return;
  const temp = realPath(tmpdir()) ?? tmpdir();
  let swept = false;
  for (const line of listed.output.split("\n")) {
    if (!line.startsWith("worktree ")) continue;
    const path = line.slice("worktree ".length);
    const folder = dirname(path);
    // the same owner tags as the history's locks and temp folders: a reused pid is not the owner
    const owner = ownerOfName(basename(folder), WORKTREE_PREFIX);
    if (!owner || basename(path) !== "base" || (realPath(dirname(folder)) ?? dirname(folder)) !== temp || ownerAlive(owner.pid, owner.start)) continue;
    // the owner is gone, so a lock ("initializing": its git was killed too) guards nothing
    git(repoRoot, ["worktree", "remove", "--force", "--force", path]);
    rmSync(folder, { recursive: true, force: true });
    swept = true;
  }
  if (swept) git(repoRoot, ["worktree", "prune"]);
}

function git(cwd: string, args: readonly string[]): { ok: boolean; output: string; signal?: NodeJS.Signals } {
  const result = spawnSync("git", gitArgs(args), { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) return { ok: false, output: result.error.message };
  const output = (result.status === 0 ? result.stdout : result.stderr || result.stdout).trim();
  return { ok: result.status === 0, output, ...(result.signal ? { signal: result.signal } : {}) };
}
