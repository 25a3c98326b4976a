import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { tempDir, type CliResult } from "./cli.js";

/**
 * Runs the real `tkc` bundle's `main` (dist/tkc.cjs, through cli-host.cjs, as runTkc does) in
 * `size` long-lived processes, one run at a time in each: many runs without a process per run,
 * and no two runs sharing the compiler's module globals. Each run gets this process's working
 * directory and environment, with a TKC_CACHE_DIR per process (so no run sees another's cache
 * entries, as with a process of its own).
 */
export function cliPool(size: number): { run(args: readonly string[]): Promise<CliResult>; close(): Promise<void> } {
  interface Job { args: readonly string[]; done(result: CliResult): void; failed(error: Error): void }
  const queue: Job[] = [];
  const idle: ChildProcess[] = [];
  const busy = new Map<ChildProcess, Job>();
  const children: ChildProcess[] = [];
  const caches = new Map<ChildProcess, string>();

  // an idle child must not keep the test process alive, a busy one must
  const hold = (child: ChildProcess, on: boolean) => {
    if (on) (child.ref(), child.channel?.ref());
    else (child.unref(), child.channel?.unref());
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const child = idle.pop()!;
      const job = queue.shift()!;
      busy.set(child, job);
      hold(child, true);
      child.send({ args: job.args, cwd: process.cwd(), env: { NO_COLOR: "1", ...process.env, TKC_CACHE_DIR: caches.get(child)! } });
    }
  };
  const settle = (child: ChildProcess, outcome: (job: Job) => void) => {
    const job = busy.get(child);
    busy.delete(child);
    if (job) outcome(job);
  };
  for (let i = 0; i < size; i++) {
    const child = fork(fileURLToPath(new URL("./cli-host.cjs", import.meta.url)), [], {
      execArgv: [],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    caches.set(child, tempDir("tkc-pool-cache-"));
    child.on("message", (message: { result?: CliResult; failure?: string }) => {
      settle(child, (job) => (message.result ? job.done(message.result) : job.failed(new Error(message.failure))));
      hold(child, false);
      idle.push(child);
      dispatch();
    });
    child.on("exit", (code, signal) => settle(child, (job) => job.failed(new Error(`the tkc test worker exited (${signal ?? code})`))));
    hold(child, false);
    children.push(child);
    idle.push(child);
  }

  return {
    run: (args) => new Promise((done, failed) => {
      queue.push({ args, done, failed });
      dispatch();
    }),
    // wait for the exits: no process outlives the test file
    close: async () => {
      await Promise.all(children.map((child) => {
        const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, "exit");
        child.kill();
        return exited;
      }));
    },
  };
}
