import { execFile } from "node:child_process";
import { epochTime, sourceDateEpoch } from "./source-date-epoch.js";
import { gitArgs } from "../git-args.js";

function git(args: string[], cwd: string): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((resolve) => {
    execFile("git", gitArgs(args), { cwd, encoding: "utf8" }, (failure, stdout) => resolve({ ok: !failure, stdout: stdout ?? "" }));
  });
}

/**
 * The git commit the project is built from, `+dirty` when its directory has changes; null outside
 * git. Asynchronous, so a build asks git while it evaluates.
 */
export async function sourceCommit(projectDir: string): Promise<string | null> {
  // One after the other: outside a git repository (the benchmark, a generated project) the
  // second process is never started, and inside git both still finish while the build evaluates.
  const head = await git(["rev-parse", "HEAD"], projectDir);
  if (!head.ok) return null;
  const status = await git(["status", "--porcelain", "--", "."], projectDir);
  const dirty = status.ok && status.stdout.split("\n").some((line) => line.trim() !== "" && !/(^|\/|\s)(out|\.tkc-cache)\//.test(line));
  return head.stdout.trim() + (dirty ? "+dirty" : "");
}

/**
 * Now, or SOURCE_DATE_EPOCH (seconds) when set, as reproducible-builds.org defines it. The
 * commands that record check the variable first (`sourceDateEpoch`), so a malformed one never
 * gets here; were it to, the clock is used.
 */
export function recordTime(): string {
  return epochTime(sourceDateEpoch().seconds ?? Math.floor(Date.now() / 1000));
}
