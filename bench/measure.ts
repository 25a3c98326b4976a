/**
 * Running one command and measuring it: wall time (from this process, around spawn to exit),
 * max RSS from GNU time (`/usr/bin/time -v`: the largest single process of the command's process
 * tree, as getrusage reports it), and optionally the peak of the summed RSS of the whole process
 * tree, sampled from /proc (tkc runs the native tsc and esbuild next to node at the same time, so
 * the sum is what the machine has to hold).
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { join } from "node:path";

/** GNU time, if installed (`apt-get install time`); its `-v` report has "Maximum resident set size". */
export const GNU_TIME = ["/usr/bin/time", "/bin/time"].find((path) => existsSync(path) && isGnuTime(path));

function isGnuTime(path: string): boolean {
  const result = spawnSync(path, ["-V"], { encoding: "utf8" });
  return /GNU/.test(`${result.stdout ?? ""}${result.stderr ?? ""}`);
}

export interface RunSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the command's stdout goes (e.g. Helm's rendered YAML); default: kept in memory. */
  readonly stdoutFile?: string;
  /** Exit codes that count as success (default: 0 only). */
  readonly okCodes?: readonly number[];
}

export interface RunResult {
  readonly wallMs: number;
  /** Max RSS from GNU time, in KiB (undefined without GNU time or when not requested). */
  readonly maxRssKiB?: number;
  /** User + system CPU time of the process and its waited-for children, from GNU time, in ms. */
  readonly cpuMs?: number;
  /** Peak summed RSS of the process tree, in KiB (only when sampled). */
  readonly treeRssKiB?: number;
  readonly stdout: string;
  readonly stderr: string;
}

const PAGE_KIB = 4; // /proc/<pid>/statm counts pages; 4 KiB on x86-64 and arm64 Linux defaults.

/** Sum of the resident sets of `root` and all its descendants, in KiB. */
function treeRss(root: number): number {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parents.get(ppid) ?? [];
      list.push(pid);
      parents.set(ppid, list);
    } catch {
      // the process exited while we looked
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE_KIB;
    } catch {
      // exited
    }
    queue.push(...(parents.get(pid) ?? []));
  }
  return total;
}

export class CommandFailed extends Error {}

/** Run a command once. `gnuTime` wraps it in `/usr/bin/time -v`; `sample` polls /proc every 5 ms. */
export async function runOnce(spec: RunSpec, options: { gnuTime?: boolean; sample?: boolean } = {}): Promise<RunResult> {
  const timeFile = options.gnuTime && GNU_TIME ? join(spec.cwd ?? process.cwd(), `.bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`) : undefined;
  const [command, args] = timeFile ? [GNU_TIME!, ["-v", "-o", timeFile, spec.command, ...spec.args]] : [spec.command, [...spec.args]];
  const stdoutFd = spec.stdoutFile ? openSync(spec.stdoutFile, "w") : undefined;
  const started = performance.now();
  const child = spawn(command, args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ["ignore", stdoutFd ?? "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let peak = 0;
  const sampler = options.sample && child.pid ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 5) : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode));
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  if (stdoutFd !== undefined) closeSync(stdoutFd);
  let maxRssKiB: number | undefined;
  let cpuMs: number | undefined;
  if (timeFile) {
    const report = existsSync(timeFile) ? readFileSync(timeFile, "utf8") : "";
    rmSync(timeFile, { force: true });
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    maxRssKiB = match ? Number(match[1]) : undefined;
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const system = /System time \(seconds\): ([\d.]+)/.exec(report);
    cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
  }
  if (!(spec.okCodes ?? [0]).includes(code ?? -1)) {
    throw new CommandFailed(`${spec.command} ${spec.args.join(" ")} exited with ${code}\n${stderr}${stdout}`.trim());
  }
  return { wallMs, maxRssKiB, cpuMs, treeRssKiB: options.sample ? peak : undefined, stdout, stderr };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Busy fraction of all CPUs over `ms`, from /proc/stat (0 when /proc/stat cannot be read). */
export async function cpuBusy(ms: number): Promise<number> {
  const read = () => {
    try {
      const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = fields[3]! + (fields[4] ?? 0);
      return { idle, total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  if (!before || !after || after.total === before.total) return 0;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/**
 * On a shared machine, wait (up to `maxWaitMs`) until other processes leave the CPUs idle (less
 * than `threshold` busy over half a second). Returns false if the machine stayed busy.
 */
export async function waitForIdle(threshold = 0.15, maxWaitMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    if ((await cpuBusy(500)) < threshold) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
