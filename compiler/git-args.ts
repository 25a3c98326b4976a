/**
 * The arguments of every git command tkc runs (the source commit, `diff --base`'s export, an
 * artifact's provenance), with the repository's own settings that run programs turned off. A
 * repository's .git/config is not part of what a commit carries, but a project handed over as an
 * archive can hold one: its `core.fsmonitor` ran a program of its choice at `tkc build` (git
 * status asks the monitor), and its hooks at a checkout (`diff --base` once added a worktree).
 */
export function gitArgs(args: readonly string[]): string[] {
  return ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", ...args];
}
