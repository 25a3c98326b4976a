import { createRequire } from "node:module";
import { join } from "node:path";
import { tkcRoot } from "./root.js";

type CodeCache = typeof import("./code-cache.cjs");

let codeCache: CodeCache | undefined;

/** Load a generated CommonJS module (precompiled validators) through V8's code cache. */
export function loadModule(file: string): Record<string, unknown> {
  codeCache ??= createRequire(join(tkcRoot(), "package.json"))(join(tkcRoot(), "compiler", "code-cache.cjs")) as CodeCache;
  return codeCache.loadWithCodeCache(file);
}
