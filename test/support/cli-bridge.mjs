// The thread behind test/support/cli.ts `runTkc`: it owns one long-lived tkc process
// (cli-host.cjs, which runs the bundle's `main` in-process) and hands each run to it, while the
// test's own thread waits on `signal` (Atomics.wait): a synchronous call, as spawnSync was,
// without a node start-up per run. Plain JavaScript: this thread has no TypeScript loader.
import { fork } from "node:child_process";
import { workerData } from "node:worker_threads";

const { signal, port, host } = workerData;
let child;

function answer(message) {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function tkcProcess() {
  if (child) return child;
  // stdout is captured by `main`'s io; stderr is inherited so a crash of the process itself shows
  const started = fork(host, [], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  started.on("message", (message) => {
    pending = undefined;
    answer(message);
  });
  // a run that takes the process down (a bug in tkc) fails that run; the next one starts afresh
  started.on("exit", (code, signalName) => {
    if (child === started) child = undefined;
    if (pending) answer({ failure: `the tkc test process exited (${signalName ?? code}) during tkc ${pending.join(" ")}` });
    pending = undefined;
  });
  child = started;
  return child;
}

let pending;
port.on("message", (job) => {
  if (job.close) return close();
  pending = job.args;
  tkcProcess().send(job);
});

// The test file ends: end the process and wait for it (no process outlives the test file, and
// its CPU time counts as the test file's).
function close() {
  const last = child;
  child = undefined;
  if (!last || last.exitCode !== null || last.signalCode !== null) return answer({ closed: true });
  last.on("exit", () => answer({ closed: true }));
  // it exits when its channel closes; a process stuck in a run is killed
  last.disconnect();
  setTimeout(() => last.kill("SIGKILL"), 5000).unref();
}
