import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { tempDir, type CliResult } from "./cli.js";

/**
 * Runs tkc's `main` in-process in `size` long-lived processes, one run at a time in each: many runs
 * without a process per run, and no two runs sharing the compiler's module globals. The processes
 * inherit this one's environment and working directory, and run with `--import tsx`; each has its own
 * TKC_CACHE_DIR (concurrent builds sharing one race on the type checker's tsconfig there).
 */
export function cliPool(size: number): { run(args: readonly string[]): Promise<CliResult>; close(): Promise<void> } {
  interface Job { id: number; args: readonly string[]; done(result: CliResult): void; failed(error: Error): void }
  const queue: Job[] = [];
  const idle: ChildProcess[] = [];
  const busy = new Map<ChildProcess, Job>();
  const children: ChildProcess[] = [];
  let nextId = 0;

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
      child.send({ id: job.id, args: job.args });
    }
  };
  const settle = (child: ChildProcess, outcome: (job: Job) => void) => {
    const job = busy.get(child);
    busy.delete(child);
    if (job) outcome(job);
  };
  for (let i = 0; i < size; i++) {
    const child = fork(fileURLToPath(new URL("./cli-worker.ts", import.meta.url)), [], {
      // a TypeScript file: tsx loads it even when this test file runs bundled, without tsx
      execArgv: process.execArgv.includes("tsx") ? process.execArgv : [...process.execArgv, "--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: { ...process.env, TKC_CACHE_DIR: tempDir("tkc-pool-cache-") },
    });
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
      queue.push({ id: nextId++, args, done, failed });
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
