import { spawnSync } from "node:child_process";

/** The git commit the project is built from, `+dirty` when its directory has changes; null outside git. */
export function sourceCommit(projectDir: string): string | null {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: projectDir, encoding: "utf8" });
  if (head.status !== 0) return null;
  const status = spawnSync("git", ["status", "--porcelain", "--", "."], { cwd: projectDir, encoding: "utf8" });
  const dirty = status.status === 0 && status.stdout.split("\n").some((line) => line.trim() !== "" && !/(^|\/|\s)(out|\.tkc-cache)\//.test(line));
  return head.stdout.trim() + (dirty ? "+dirty" : "");
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when set, as reproducible-builds.org defines it. */
export function recordTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
