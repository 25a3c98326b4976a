import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Who owns a lock entry or a temp directory: a pid plus that process's start time, so a pid the
// kernel has since given to another process does not look like the owner (docs/history.md).

/** Start time of a process in clock ticks since boot (/proc/<pid>/stat field 22), "0" where there is no /proc. */
export function startTime(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return process.platform === "linux" ? undefined : "0";
  }
}

let own: string | undefined;

/** This process as `<pid>-<start time>`. */
export function ownerTag(): string {
  return `${process.pid}-${(own ??= startTime("self") ?? "0")}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the process a `<pid>-<start time>` tag names still runs: the pid exists and, where
 * /proc tells start times, started at that time. A tag without a start time checks the pid only.
 */
export function ownerAlive(pid: number, start: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return start === undefined || start === (own ??= startTime("self") ?? "0");
  if (!pidAlive(pid)) return false;
  if (start === undefined || start === "0") return true;
  const actual = startTime(pid);
  // No /proc entry although the pid answers: another pid namespace; trust the pid.
  return actual === undefined || actual === start;
}

/**
 * The entries of `dir` named `<prefix><pid>-<start>...` whose owner is gone (a killed build's
 * temp folder, a killed diff's export), as full paths; none when `dir` cannot be listed.
 */
export function abandonedEntries(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const owner = ownerOfName(name, prefix);
    return owner !== undefined && !ownerAlive(owner.pid, owner.start);
  }).map((name) => join(dir, name));
}

/** The owner encoded in a name such as `.tmp-<pid>-<start>-...` or `.lock-<pid>-<start>-<nonce>`. */
export function ownerOfName(name: string, prefix: string): { pid: number; start?: string } | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)(?:-(\d+))?/.exec(name.slice(prefix.length));
  return match ? { pid: Number(match[1]), start: match[2] } : undefined;
}

/** Clock ticks per second of /proc's start times: USER_HZ, 100 on every Linux platform tkc runs on. */
const USER_HZ = 100;

/**
 * Whether a process started after `epochMs` (so it cannot have written something dated then): how a
 * pid that only the old `.lock` file names is known to be reused. False when /proc cannot tell.
 */
export function startedAfter(pid: number, epochMs: number): boolean {
  const start = startTime(pid);
  if (start === undefined || start === "0") return false;
  try {
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    if (!Number.isFinite(btime)) return false;
    // a second of slack for the rounding of btime
    return btime * 1000 + (Number(start) / USER_HZ) * 1000 > epochMs + 1000;
  } catch {
    return false;
  }
}
