import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

export const repoRoot = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "..");

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run tkc as `node bin/tkc.cjs` would (same arguments, working directory, environment, no colour,
 * a cache directory of its own), through the same bundle's `main`, but in one long-lived process
 * per test file (test/support/cli-bridge.mjs, cli-host.cjs): no node start-up per run.
 * Synchronous, as spawnSync is. Tests of what only a process of its own does (exit 70 on a crash,
 * signals, standard input, memory limits) spawn bin/tkc.cjs (`spawnTkc`, or spawnSync).
 */
export function runTkc(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const bridge = cliBridge();
  Atomics.store(bridge.signal, 0, 0);
  bridge.port.postMessage({ args: [...args], cwd: options.cwd ?? repoRoot, env: runEnv(options.env) });
  Atomics.wait(bridge.signal, 0, 0);
  const reply = receiveMessageOnPort(bridge.port)?.message as { result?: CliResult; failure?: string } | undefined;
  if (!reply?.result) throw new Error(reply?.failure ?? `no answer from the tkc test process for tkc ${args.join(" ")}`);
  return reply.result;
}

function runEnv(env: Record<string, string> = {}): Record<string, string> {
  return { ...(process.env as Record<string, string>), NO_COLOR: "1", TKC_CACHE_DIR: tempDir("tkc-cache-"), ...env };
}

let bridge: { signal: Int32Array; port: MessagePort } | undefined;
function cliBridge(): { signal: Int32Array; port: MessagePort } {
  if (bridge) return bridge;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./cli-bridge.mjs", import.meta.url), {
    workerData: { signal, port: port2, host: fileURLToPath(new URL("./cli-host.cjs", import.meta.url)) },
    transferList: [port2],
    execArgv: [],
  });
  // neither the thread nor its port keeps the test file's process alive
  worker.unref();
  port1.unref();
  bridge = { signal, port: port1 };
  process.on("exit", () => {
    Atomics.store(signal, 0, 0);
    port1.postMessage({ close: true });
    Atomics.wait(signal, 0, 0, 10_000);
  });
  return bridge;
}

/** The real `tkc` binary (dist/ bundle) in a process of its own, without blocking the event loop. */
export function spawnTkc(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [join(repoRoot, "bin", "tkc.cjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: runEnv(options.env),
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => void (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
  return new Promise((done, failed) => {
    child.on("error", failed);
    child.on("close", (status) => done({ status: status ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix = "tkc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
