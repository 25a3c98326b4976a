import { test } from "node:test";
import assert from "node:assert/strict";
import { errorLines, hostileProject, runHostile, SECRET } from "./hostile.js";

// Red team, first section of the issue: every route a descriptor could take to the host's
// `process` (and so to CI secrets, files and commands) ends in a refusal at the user's line.
// Each vector is one component whose expansion runs it, so one build reports them all.
const vectors: readonly [name: string, expand: string][] = [
  ["a stdlib export's constructor", `(release as any).constructor("return process")()`],
  ["console.log's constructor", `(globalThis as any).console.log.constructor("return process")()`],
  ["the module object", `module.constructor.constructor("return process")()`],
  ["the exports object", `exports.constructor.constructor("return process")()`],
  ["require of a Node module", `require(["child", "process"].join("_"))`],
  // release() and the other calls report their mistakes; `fail` is the stdlib function that still throws.
  ["an error thrown by the stdlib", `(() => { try { require("tkc").fail("stop", undefined); } catch (e: any) { return e.constructor.constructor("return process")(); } })()`],
  ["the prototype of a stdlib value", `Object.getPrototypeOf(configMap({ name: "x", data: {} })).constructor.constructor("return process")()`],
  ["the ctx argument of expand", `ctx.constructor.constructor("return process")()`],
  ["the global object's constructor", `(globalThis as any).constructor.constructor("return process")()`],
  ["an async function's constructor", `(async () => {}).constructor("return process")()`],
  ["indirect eval", `(0, eval)("process")`],
  ["WebAssembly", `(globalThis as any).WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))`],
  ["polluting Object.prototype", `Object.defineProperty(Object.getPrototypeOf(configMap({ name: "x", data: {} })), "toJSON", { value: () => "tampered" })`],
  ["replacing globalThis.JSON", `((globalThis as any).JSON = { stringify: () => "tampered" })`],
  ["replacing globalThis.Object", `((globalThis as any).Object = function () {})`],
];

const component = (index: number, expand: string) =>
  `defineComponent({ type: "vector", name: "v${index}", origin: undefined, expand(ctx: any): any {\n  return ${expand};\n} })`;

test("every escape route from a descriptor to the host is refused at the user's line, and no secret leaks", async () => {
  const components = [
    ...vectors.map(([, expand], index) => component(index, expand)),
    // forEnv's env argument, through a stdlib component.
    `configMap({ name: "via-env", data: { a: forEnv((env: any) => env.constructor.constructor("return process")().env.TKC_RED_TEAM_SECRET) } })`,
  ];
  const dir = hostileProject("", components.join(",\n"));
  const result = await runHostile(["check", dir]);
  const line = (index: number) => 5 + index * 3;
  const fn = "new Function() (code from strings) is not available in descriptors";
  const expected = [
    `release.k8s.ts:${line(0)}:27 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(1)}:42 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(2)}:29 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(3)}:30 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(4)}:10 error TKC2002: vector 'v4' threw an error: cannot load module "child_process"`,
    `release.k8s.ts:${line(5)}:105 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(6)}:80 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(7)}:26 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(8)}:42 error TKC2010: ${fn}`,
    `release.k8s.ts:${line(9)}:27 error TKC2010: AsyncFunction (code from strings) is not available in descriptors`,
    `release.k8s.ts:${line(10)}:14 error TKC2010: eval() (code from strings) is not available in descriptors`,
    `release.k8s.ts:${line(11)}:42 error TKC2010: WebAssembly.compile is not available in descriptors`,
    `release.k8s.ts:${line(12)}:17 error TKC2008: vector 'v12' tried to change a shared built-in: Cannot define property toJSON, object is not extensible`,
    `release.k8s.ts:${line(13)}:31 error TKC2008: vector 'v13' tried to change a shared built-in: Cannot assign to read only property 'JSON' of object '[object global]'`,
    `release.k8s.ts:${line(14)}:31 error TKC2008: vector 'v14' tried to change a shared built-in: Cannot assign to read only property 'Object' of object '[object global]'`,
    `release.k8s.ts:49:78 error TKC2010: ${fn}`,
  ];
  assert.deepEqual(errorLines(result, dir), expected, result.stderr);
  assert.equal(result.status, 1);
  assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET), "the secret never appears");
});
