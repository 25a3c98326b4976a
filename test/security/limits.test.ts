import { test } from "node:test";
import assert from "node:assert/strict";
import { errorLines, hostileProject, runHostile, SECRET } from "./hostile.js";

// Red team: what the vm timeout alone did not stop (the microtask queue, long built-ins,
// off-heap memory) ends in a TKC error naming the limit, never a hang or a crash. Limits here:
// 1 s and 512 MiB (TKC_EVAL_TIMEOUT_MS, TKC_EVAL_MEMORY_MB).
const TIME = "error TKC2003: the descriptor did not finish within 1000 ms; is there an endless loop?";
const MEMORY = "release.k8s.ts:1:1 error TKC2009: the descriptor used more memory than evaluation allows (512 MiB)";
// The memory cases get a long time limit, so that only the memory limit can end them.
const slow = { TKC_EVAL_TIMEOUT_MS: "60000" };
const cases: readonly [name: string, setup: string, expected: string, components?: string, env?: Record<string, string>][] = [
  ["an endless microtask", `Promise.resolve().then(() => { for (;;) {} });`, `release.k8s.ts:1:1 ${TIME}`],
  ["a self-rescheduling promise", `const again = (): Promise<void> => Promise.resolve().then(again); again();`, `release.k8s.ts:1:1 ${TIME}`],
  ["a long built-in", `const big = new Array(1.2e8).fill(0.5);`, `release.k8s.ts:1:1 ${TIME}`],
  ["off-heap memory, untouched", `const keep: Uint8Array[] = []; for (;;) keep.push(new Uint8Array(2 ** 31));`, `release.k8s.ts:1:1 ${TIME}`],
  ["off-heap memory, touched", `const keep: Uint8Array[] = []; for (;;) keep.push(new Uint8Array(2 ** 28).fill(1));`, MEMORY, undefined, slow],
  ["heap memory", `const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1.5));`, MEMORY, undefined, slow],
  // Atomics.wait blocks the thread where the vm timeout cannot reach: the host's hard stop ends it.
  ["a blocking Atomics.wait", `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`, `release.k8s.ts:1:1 ${TIME}`],
  ["an endless getter in returned data", `const data = { get a(): string { for (;;) {} } };`, "release.k8s.ts:4:113 error TKC2003: configMap 'c' did not finish within 1000 ms; is there an endless loop?", `configMap({ name: "c", data })`],
  // Its holes were walked twice before it could be found too large: the whole time limit, at 1:1.
  ["an array of 4e9 holes in returned data", `const holes: unknown[] = []; holes.length = 4e9;`, "release.k8s.ts:4:113 error TKC2123: v1 ConfigMap holes is larger than the API server accepts (over 3814.7 MiB serialised; the limit is 1.5 MiB)", `raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "holes" }, data: { a: "1" }, holes } as any)`],
  // tkc's own walk of the value ran out of stack: said of the value, not as the user's recursion.
  ["a value nested 5,000 levels deep in returned data", `let deep: unknown = "leaf"; for (let i = 0; i < 5000; i++) deep = { a: deep };`, "release.k8s.ts:4:113 error TKC2002: raw 'deep' holds a value nested too deeply for tkc to walk (maximum call stack size exceeded)", `raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "deep" }, data: { a: "1" }, deep } as any)`],
  ["an endless recursion", `const down = (n: number): number => down(n + 1) + 1; down(0);`, "release.k8s.ts:3:47 error TKC2002: the descriptor recursed without end: Maximum call stack size exceeded"],
  ["an unhandled rejection", `Promise.reject(new Error("nobody catches this"));`, "release.k8s.ts:3:16 error TKC2011: the descriptor left a rejected promise unhandled: nobody catches this"],
];

test("every time and memory limit ends in a TKC error naming it", async () => {
  const runs = cases.map(async ([name, setup, expected, components, env]) => {
    const dir = hostileProject(setup, components);
    const result = await runHostile(["check", dir], env);
    return { name, expected, result, lines: errorLines(result, dir) };
  });
  for (const { name, expected, result, lines } of await Promise.all(runs)) {
    assert.deepEqual(lines, [expected], `${name}:\n${result.stderr}`);
    assert.equal(result.status, 1, name);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at .+:\d+:\d+\)/, `${name}: no stack trace`);
    assert.ok(!result.stderr.includes(SECRET), name);
  }
});
