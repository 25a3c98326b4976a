import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { ownerAlive, ownerOfName, ownerTag, startedAfter } from "./owner.js";

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export class LockTimeout extends Error {}

/** Prefix of a lock entry: `.lock-<pid>-<start time>-<nonce>`, an empty directory. */
export const LOCK_PREFIX = ".lock-";
/** The lock file of tkc before 0.2 (O_EXCL, holding a pid): still honoured while its owner lives. */
const LEGACY_LOCK = ".lock";
/** An empty legacy lock younger than this may be one being written right now. */
const EMPTY_LOCK_GRACE_MS = 5_000;

/**
 * Lock entries of other live processes in a history directory. Entries of dead processes (their
 * pid is gone, or now belongs to a process started at another time) are deleted on the way: a dead
 * process never comes back, so deleting its entry cannot take a lock from anyone.
 */
function liveOthers(dir: string, mine: string | undefined): string[] {
  const live: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === mine) continue;
    if (name === LEGACY_LOCK) {
      if (legacyLockLive(join(dir, name))) live.push(name);
      continue;
    }
    const owner = ownerOfName(name, LOCK_PREFIX);
    if (!owner) continue;
    if (ownerAlive(owner.pid, owner.start)) live.push(name);
    else rmSync(join(dir, name), { recursive: true, force: true });
  }
  return live;
}

function legacyLockLive(file: string): boolean {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, "utf8").trim();
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return false; // gone already, or not a file we can read: nobody can hold it
  }
  const pid = Number(text);
  // A pid whose process started after the lock was written is a reused pid, not the owner.
  const live = text === "" ? age < EMPTY_LOCK_GRACE_MS : Number.isInteger(pid) && pid > 0 && pid !== process.pid && ownerAlive(pid, undefined) && !startedAfter(pid, Date.now() - age);
  if (!live) rmSync(file, { recursive: true, force: true });
  return live;
}

/**
 * Run `fn` holding the exclusive lock of a history directory.
 *
 * Each contender creates its own entry `.lock-<pid>-<start>-<nonce>` and then lists the directory:
 * it holds the lock if no other live entry is there, else it removes its entry and tries again
 * later. Two contenders cannot both succeed: whichever created its entry second lists after the
 * first entry existed and sees it. Nothing is ever taken from another process: an entry whose owner
 * died is simply deleted, and its name (pid and start time) says when that is so. No entry holds
 * data, so a full disk or a kill at any moment cannot leave a lock nobody can judge.
 */
export function withHistoryLock<T>(dir: string, fn: () => T, timeoutMs = 30_000): T {
  mkdirSync(dir, { recursive: true });
  const mine = `${LOCK_PREFIX}${ownerTag()}-${randomBytes(4).toString("hex")}`;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    let others = liveOthers(dir, mine);
    if (others.length === 0) {
      mkdirSync(join(dir, mine));
      others = liveOthers(dir, mine);
      if (others.length === 0) break;
      rmSync(join(dir, mine), { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      const owner = ownerOfName(others[0]!, LOCK_PREFIX)?.pid;
      throw new LockTimeout(`another tkc process (${owner ? `pid ${owner}` : others[0]}) holds the lock of ${dir}`);
    }
    // Random back-off so contenders that met do not meet again.
    sleep(Math.min(100, 5 * (attempt + 1)) + Math.floor(Math.random() * 20));
  }
  try {
    return fn();
  } finally {
    rmSync(join(dir, mine), { recursive: true, force: true });
  }
}
