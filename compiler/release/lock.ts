import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class LockTimeout extends Error {}

/**
 * Run `fn` holding an exclusive lock on a history directory: a `.lock` file created with O_EXCL
 * holding the owner's pid. A lock whose owner died (a killed build) is taken over.
 */
export function withHistoryLock<T>(dir: string, fn: () => T, timeoutMs = 30_000): T {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, ".lock");
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, "utf8"));
      } catch {
        // released between our open and read: try again at once
        continue;
      }
      // An empty file is a lock being created right now; a dead pid is a killed build's.
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeout(`another tkc process (pid ${owner || "unknown"}) holds ${file}`);
      sleep(Math.min(100, 5 * (attempt + 1)));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(file, { force: true });
  }
}
