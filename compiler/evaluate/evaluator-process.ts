import { spawn } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tkcRoot } from "../root.js";
import { splitLines } from "./lines.js";
import { cacheIdentity, writeCodeCache } from "../code-cache.cjs";
import { limitSetting } from "./limit-settings.js";
import type { EnvironmentData, EvaluatorMessage, EvaluatorRequest, LoadData, LocationData, ThrownData } from "./data.js";

/** How an evaluation ended, as the host saw it. */
export interface EvaluatorOutcome {
  readonly load?: LoadData;
  readonly environments: ReadonlyMap<string, EnvironmentData>;
  /** A limit that ended it: the time limit (inside the realm, or the hard kill) or memory. */
  readonly limit?: { readonly limit: "time" | "memory"; readonly what: string; readonly location?: LocationData };
  readonly rejection?: { readonly what: string; readonly error: ThrownData };
  /** The process failed in a way no descriptor should cause (a bug in tkc). */
  readonly internal?: string;
}

export interface EvaluatorProcess {
  run(request: EvaluatorRequest): Promise<EvaluatorOutcome>;
  /** The captured origins the outcome's drafts refer to (by `originRef`), or undefined if it failed. */
  resolveOrigins(): Promise<readonly (LocationData | null)[] | undefined>;
  /** End the process now (it waits for requests until then). */
  close(): void;
}

export function evaluationTimeoutMs(): number {
  return limitSetting("TKC_EVAL_TIMEOUT_MS");
}

/** Resident memory the evaluation process may use, in MiB (the heap limit is set a little lower). */
export function evaluationMemoryMb(): number {
  return limitSetting("TKC_EVAL_MEMORY_MB");
}

/**
 * The young generation of the evaluation process, in MiB (V8's default grows to 16). It runs while
 * the native tsc and the host are at their largest: at N=500 a 2 MiB semi-space took the process's
 * resident set at the tree's peak from ~115 MiB to ~90 MiB, with no measurable cost in evaluate.run.
 */
const SEMI_SPACE_MB = 2;

/**
 * `files` of `dir`, at paths the permission model reads as they are: it takes a `*` in
 * --allow-fs-read for a wildcard (Node 20 aborts at start-up on one inside a file's path,
 * "Assertion failed: !path_prefix.empty()", and a wildcard would grant more than these files).
 * For tkc installed under such a folder (`~/we*rd/app/node_modules/tkc`) they are linked (the
 * same inode, so the code cache's header still matches) or else copied into a temporary folder,
 * removed when the process ends.
 */
function withoutWildcards(dir: string, files: readonly string[]): { readonly paths: readonly string[]; readonly remove: () => void } {
  const paths = files.map((file) => join(dir, file));
  if (!dir.includes("*")) return { paths, remove: () => undefined };
  const temp = realpathSync(tmpdir());
  if (temp.includes("*")) return { paths, remove: () => undefined };
  const folder = mkdtempSync(join(temp, "tkc-realm-"));
  const linked = files.map((file) => {
    const from = join(dir, file);
    const to = join(folder, file);
    if (!existsSync(from)) return to; // no code cache yet: the child runs without one
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    return to;
  });
  return { paths: linked, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

// Node 20 has the permission model behind a flag; newer versions without it.
function permissionFlags(readable: readonly string[]): string[] {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) return [];
  const flag = major >= 22 ? "--permission" : "--experimental-permission";
  return [flag, ...readable.map((file) => `--allow-fs-read=${file}`)];
}

/**
 * Start the evaluation process now, so its start-up overlaps bundling. It gets an empty
 * environment (nothing of the host's secrets), a fixed time zone and locale, a heap limit, and no
 * file system beyond tkc's own realm script. The host kills it when a phase passes the time
 * limit by a margin, or its resident memory passes the memory limit.
 */
export function startEvaluator(log: (line: string) => void): EvaluatorProcess {
  // The real path: the permission model compares resolved paths (installs may be symlinked).
  const dist = realpathSync(join(tkcRoot(), "dist"));
  const realm = join(dist, "stdlib-realm.js");
  // The code cache is read beside the realm the child runs, and written back beside tkc's own.
  const cache = `${realm}.v8cache`;
  const readable = withoutWildcards(dist, ["evaluator.cjs", "stdlib-realm.js", "stdlib-realm.js.v8cache"]);
  const [script, childRealm, childCache] = readable.paths as [string, string, string];
  const memoryMb = evaluationMemoryMb();
  const heapMb = Math.max(64, Math.floor(memoryMb * 0.75));
  const child = spawn(
    process.execPath,
    ["--no-warnings", `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, ...permissionFlags(readable.paths), script, childRealm, childCache],
    { env: { TZ: "UTC", LC_ALL: "en_US.UTF-8" }, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  void exited.then(readable.remove);
  child.on("error", () => undefined);
  child.stdout.on("error", () => undefined);
  child.stdin.on("error", () => undefined);

  // Refs the process while the host waits for it; between requests it must not keep tkc alive.
  const streams = [child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[];
  const hold = (on: boolean) => {
    for (const stream of streams) on ? stream.ref() : stream.unref();
    on ? child.ref() : child.unref();
  };

  hold(false);

  let listener: ((message: EvaluatorMessage) => void) | undefined;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", splitLines((line) => {
    const message = JSON.parse(line) as EvaluatorMessage;
    if (message.type === "log") for (const text of message.lines) log(text);
    else listener?.(message);
  }));
  let closed: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((status) => (closed = status));

  let killedFor: "time" | "memory" | undefined;
  const kill = (reason: "time" | "memory") => {
    if (killedFor || closed) return;
    killedFor = reason;
    child.kill("SIGKILL");
  };
  const memoryWatch = setInterval(() => {
    if (child.pid !== undefined && residentMb(child.pid) > memoryMb) kill("memory");
  }, 25);
  memoryWatch.unref();

  /** Send one request line; `answer` sees every message until it returns true (or the process ends). */
  const exchange = (line: string, timeoutMs: number, answer: (message: EvaluatorMessage) => boolean, onPhase: () => void = () => undefined): Promise<boolean> => {
    if (closed) return Promise.resolve(false);
    hold(true);
    // The realm's own timeout ends a phase; this covers what it cannot interrupt.
    const margin = Math.max(1000, timeoutMs / 2);
    let deadline: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => kill("time"), timeoutMs + margin);
    };
    arm();
    return new Promise<boolean>((resolve) => {
      const finish = (answered: boolean) => {
        clearTimeout(deadline);
        listener = undefined;
        hold(false);
        resolve(answered);
      };
      listener = (message) => {
        if (message.type === "phase") {
          arm();
          onPhase();
        }
        if (answer(message)) finish(true);
      };
      void exited.then(() => finish(false));
      child.stdin.write(line + "\n");
    });
  };

  return {
    close() {
      clearInterval(memoryWatch);
      // A signal, not the end of stdin: that is sent only when the host's event loop next turns,
      // and planning runs synchronously after close, so the process (~90 MiB at N=500) would
      // outlive it. Nothing is lost: every answer it owes has arrived.
      if (!closed) child.kill("SIGKILL");
      readable.remove();
    },
    async run(request) {
      const environments = new Map<string, EnvironmentData>();
      let load: LoadData | undefined;
      let limit: EvaluatorOutcome["limit"];
      let rejection: EvaluatorOutcome["rejection"];
      let internal: string | undefined;
      let what = "the descriptor";
      const done = await exchange(JSON.stringify(request), request.timeoutMs, (message) => {
        switch (message.type) {
          case "phase":
            what = message.what;
            return false;
          case "load":
            load = message.data;
            return false;
          case "environment":
            environments.set(message.name, message.data);
            return false;
          case "limit":
            limit = { limit: "time", what: message.what, location: message.location };
            return false;
          case "rejection":
            rejection = { what: message.what, error: message.error };
            return false;
          case "internal":
            internal = message.message;
            return false;
          case "done":
            if (message.codeCache) writeCodeCache(cache, cacheIdentity(realm), message.complete === true, Buffer.from(message.codeCache, "base64"));
            return true;
          default:
            return false;
        }
      });
      if (done || limit || rejection) return { load, environments, limit, rejection, internal };
      const { code, signal } = await exited;
      if (killedFor) return { load, environments, limit: { limit: killedFor, what } };
      // V8 aborts on a heap it cannot grow: that is the memory limit too (an assertion of Node's
      // own, also an abort, is not).
      const outOfMemory = /heap out of memory|Allocation failed|invalid array length/i.test(stderr);
      if (outOfMemory || ((signal === "SIGABRT" || code === 134) && !/Assertion failed/.test(stderr))) {
        return { load, environments, limit: { limit: "memory", what } };
      }
      return { load, environments, internal: internal ?? `the evaluation process ended (${signal ?? `exit ${code}`}): ${stderr.trim()}` };
    },
    async resolveOrigins() {
      let origins: readonly (LocationData | null)[] | undefined;
      await exchange("resolve", evaluationTimeoutMs(), (message) => {
        if (message.type === "origins") origins = message.data;
        return message.type === "origins" || message.type === "limit" || message.type === "internal";
      });
      return origins;
    },
  };
}

function residentMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

