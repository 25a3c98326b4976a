import vm from "node:vm";
import { BUNDLE_FILENAME } from "./stack-map.js";

/** Raised inside the sandbox when a descriptor asks for time or randomness. */
export const NONDETERMINISM_ERROR = "NondeterminismError";

// Runs inside the sandbox before any descriptor: no clock and no randomness. (A contextified
// global object cannot be frozen; a fresh context per build keeps builds apart.)
const PRELUDE = `(() => {
  const refuse = (what, hint) => {
    const e = new Error(what + " is not allowed in descriptors: output must be the same on every machine and every day");
    Object.defineProperty(e, "name", { value: "${NONDETERMINISM_ERROR}" });
    Object.defineProperty(e, "hint", { value: hint });
    throw e;
  };
  const RealDate = Date;
  function SafeDate(...args) {
    if (!new.target) refuse("Date()", "pass a fixed date string, e.g. new Date(\\"2026-01-01T00:00:00Z\\")");
    if (args.length === 0) refuse("new Date() without arguments", "pass a fixed date string, e.g. new Date(\\"2026-01-01T00:00:00Z\\")");
    return Reflect.construct(RealDate, args, new.target);
  }
  SafeDate.prototype = RealDate.prototype;
  SafeDate.UTC = RealDate.UTC;
  SafeDate.parse = RealDate.parse;
  SafeDate.now = () => refuse("Date.now()", "use a fixed value or the release version instead of the current time");
  Object.defineProperty(globalThis, "Date", { value: SafeDate, writable: false, configurable: false });
  Math.random = () => refuse("Math.random()", "derive values from names (e.g. a hash of the name) instead of randomness");
  Object.defineProperty(globalThis, "__tkc", { value: Object.freeze({ slot: Object.seal({ fn: null }) }) });

  // Freeze the built-ins every descriptor shares, so one cannot monkey-patch what another calls
  // (Array.prototype, JSON, Math...). A frozen data property would make "obj.name = x" on an
  // instance throw (the "override mistake"); as SES does, such properties become accessors whose
  // setter defines the property on the instance instead.
  const seen = new Set();
  const tame = (object) => {
    for (const key of Reflect.ownKeys(object)) {
      const d = Object.getOwnPropertyDescriptor(object, key);
      if (!d || !("value" in d) || !d.configurable) continue;
      const value = d.value;
      Object.defineProperty(object, key, {
        get() { return value; },
        set(next) {
          if (this === object) throw new TypeError("Cannot change built-in " + String(key) + ": descriptors share built-ins");
          Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable: d.enumerable,
        configurable: false,
      });
    }
  };
  // Only prototypes need taming (instances inherit from them); namespaces and constructors are
  // just frozen, which keeps a build's set-up to a few milliseconds.
  const harden = (value, isPrototype) => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return;
    seen.add(value);
    if (typeof value === "function" && value.prototype) harden(value.prototype, true);
    harden(Object.getPrototypeOf(value), true);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && "value" in d) harden(d.value, false);
    }
    if (isPrototype) tame(value);
    Object.freeze(value);
  };
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (name === "globalThis" || name === "__tkc" || name === "console") continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (d && "value" in d) harden(d.value, false);
  }
})();`;

export interface Sandbox {
  /** Run a function (which may call back into descriptor code) under the time limit. */
  run<T>(fn: () => T): T;
  /** Load the bundle as a CommonJS module and return its exports. */
  load(code: string, require: (id: string) => unknown): Record<string, unknown>;
}

/**
 * One V8 context per build: descriptors see their own globals, with no `process`, no file system,
 * no clock and no randomness; `eval` is off; every entry into descriptor code has a time limit.
 */
export function createSandbox(options: { timeoutMs: number; log: (line: string) => void }): Sandbox {
  const print = (...args: unknown[]) => options.log(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" "));
  const context = vm.createContext(
    { console: Object.freeze({ log: print, info: print, warn: print, error: print, debug: print }) },
    { codeGeneration: { strings: false, wasm: false }, name: "tkc descriptors" },
  );
  vm.runInContext(PRELUDE, context);
  const slot = vm.runInContext("__tkc.slot", context) as { fn: (() => unknown) | null };
  const trampoline = new vm.Script("__tkc.slot.fn()", { filename: "tkc-sandbox" });
  const run = <T>(fn: () => T): T => {
    slot.fn = fn;
    try {
      return trampoline.runInContext(context, { timeout: options.timeoutMs }) as T;
    } finally {
      slot.fn = null;
    }
  };
  return {
    run,
    load(code, require) {
      const factory = vm.compileFunction(code, ["exports", "require", "module"], { parsingContext: context, filename: BUNDLE_FILENAME });
      const module = { exports: {} as Record<string, unknown> };
      run(() => factory(module.exports, require, module));
      return module.exports;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
