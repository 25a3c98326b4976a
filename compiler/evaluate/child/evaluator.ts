// The evaluation process (dist/evaluator.cjs): started by the host with an empty environment, a
// heap limit and, where Node has it, a permission model that allows reading only tkc's own realm
// script. It builds the realm as soon as it starts (overlapping the host's bundling), then runs
// one request from stdin and answers with JSON lines on stdout.
import vm from "node:vm";
import { cacheIdentity, readCodeCache, readSource } from "../../code-cache.cjs";
import { PRELUDE } from "../prelude.js";
import { splitLines } from "../lines.js";
import { BUNDLE_FILENAME } from "../realm/origins.js";
import type { EvaluatorMessage, EvaluatorRequest } from "../data.js";

interface RealmApi {
  prepareLoad(factory: unknown, code: string, map: string, inputs: string, rendered: string): void;
  prepareExpand(environment: string): void;
  prepareDescribe(reason: unknown): void;
  prepareWhere(): void;
  prepareResolve(): void;
  takeLogs(): string;
}

const send = (message: EvaluatorMessage) => process.stdout.write(JSON.stringify(message) + "\n");
/** A message whose `data` is JSON text the realm produced: passed on as it is, not parsed and re-serialised. */
const sendData = (head: { readonly type: "environment"; readonly name: string } | { readonly type: "origins" }, json: string) => {
  const prefix = JSON.stringify(head);
  process.stdout.write(`${prefix.slice(0, -1)},"data":${json}}\n`);
};

const [realmFile, cacheFile] = process.argv.slice(2) as [string, string];
// A null-prototype sandbox: what the realm's global lacks is looked up on this object, and an
// ordinary {} would lead to the process's own Object and Function (the classic vm escape).
const context = vm.createContext(Object.create(null), { name: "tkc descriptors", codeGeneration: { strings: true, wasm: false }, microtaskMode: "afterEvaluate" });
vm.runInContext(PRELUDE, context, { filename: "tkc-prelude" });
// The realm's code cache carries a header naming the exact realm file (code-cache.cjs): V8
// checks a cache only against the source's length, and a rebuilt realm of the same length ran
// the old one's compiled stdlib.
const { cachedData, partial } = readCodeCache(cacheFile, cacheIdentity(realmFile));
const realmScript = new vm.Script(readSource(realmFile), { filename: "tkc", cachedData });
realmScript.runInContext(context);
const api = vm.runInContext("(() => { const api = globalThis.__tkcRealmApi; delete globalThis.__tkcRealmApi; return api; })()", context) as RealmApi;
const enterScript = new vm.Script("__tkcEnter()", { filename: "tkc-enter" });
send({ type: "ready" });

let rejection: { reason: unknown } | undefined;
process.on("unhandledRejection", (reason) => {
  rejection ??= { reason };
});

class TimeLimit extends Error {}

function enter(timeout: number): string {
  try {
    return enterScript.runInContext(context, { timeout }) as string;
  } catch (thrown) {
    if ((thrown as { code?: unknown } | null)?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimeLimit();
    throw thrown;
  }
}

function flushLogs(): void {
  const lines = JSON.parse(api.takeLogs()) as string[];
  if (lines.length > 0) send({ type: "log", lines });
}

// Node reports unhandled rejections after the current task; give it one turn.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Run one phase; false when evaluation must stop (time limit, unhandled rejection). */
async function phase(what: string, prepare: () => void, answer: (json: string) => void, timeoutMs: number): Promise<boolean> {
  send({ type: "phase", what });
  prepare();
  try {
    answer(enter(timeoutMs));
  } catch (thrown) {
    if (!(thrown instanceof TimeLimit)) throw thrown;
    flushLogs();
    let where: { what: string; location: null | { file: string; line: number; column: number } } = { what, location: null };
    try {
      api.prepareWhere();
      where = JSON.parse(enter(Math.min(timeoutMs, 500)));
    } catch {
      // the realm is still busy (a promise loop): name the phase only
    }
    send({ type: "limit", limit: "time", what: where.what, location: where.location ?? undefined });
    return false;
  }
  flushLogs();
  await settle();
  if (rejection) {
    let error = { kind: "error" as const, name: "Error", message: "a promise was rejected and nothing handled it" };
    try {
      api.prepareDescribe(rejection.reason);
      error = JSON.parse(enter(Math.min(timeoutMs, 500)));
    } catch {
      // keep the generic description
    }
    send({ type: "rejection", what, error });
    return false;
  }
  return true;
}

async function run(request: EvaluatorRequest): Promise<void> {
  const factory = vm.compileFunction(request.code, ["exports", "require", "module"], { parsingContext: context, filename: BUNDLE_FILENAME });
  let environments: string[] = [];
  const loaded = await phase("the descriptor", () => api.prepareLoad(factory, request.code, request.map, JSON.stringify(request.inputs ?? []), request.rendered ?? "{}"), (json) => {
    const data = JSON.parse(json);
    send({ type: "load", data });
    if (data.ok) {
      const known = Object.keys(data.release.environments);
      const wanted = request.loadOnly ? [] : request.environments.length > 0 ? request.environments : known;
      environments = wanted.every((name) => known.includes(name)) ? [...wanted] : [];
    }
  }, request.timeoutMs);
  let complete = loaded && environments.length > 0;
  if (loaded) {
    for (const name of environments) {
      const ok = await phase(`environment '${name}'`, () => api.prepareExpand(name), (json) => sendData({ type: "environment", name }, json), request.timeoutMs);
      if (!ok) {
        complete = false;
        break;
      }
    }
  }
  // Written where there is none, or again by the first complete evaluation when a lesser one
  // (a descriptor that threw at once) wrote it: a cache holds only what its run compiled.
  const write = cachedData === undefined || realmScript.cachedDataRejected || (partial && complete);
  send({ type: "done", codeCache: write ? realmScript.createCachedData().toString("base64") : undefined, complete });
}

// Requests, one JSON line each: the evaluation, then "resolve" for the drafts' origins (asked
// only when a diagnostic needs them). The host ends stdin when it is done.
let timeoutMs = 5000;
let queue: Promise<void> = Promise.resolve();
const handle = async (line: string) => {
  if (line.trim() === "") return;
  if (line === "resolve") {
    await phase("resolving origins", () => api.prepareResolve(), (json) => sendData({ type: "origins" }, json), timeoutMs);
    return;
  }
  const request = JSON.parse(line) as EvaluatorRequest;
  timeoutMs = request.timeoutMs;
  await run(request);
};
process.stdin.setEncoding("utf8");
process.stdin.on("data", splitLines((line) => {
  queue = queue.then(() => handle(line)).catch((failure: unknown) => {
    send({ type: "internal", message: String((failure as Error)?.stack ?? failure) });
    process.exitCode = 70;
    process.stdin.destroy();
  });
}));
