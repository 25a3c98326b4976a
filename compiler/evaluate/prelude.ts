/** Names the realm gives its own errors, so the host can tell a refusal from a user's throw. */
export const NONDETERMINISM_ERROR = "NondeterminismError";
export const UNAVAILABLE_ERROR = "UnavailableError";

/**
 * Runs first in the evaluation realm, before the stdlib and any descriptor: no clock, no
 * randomness, no code from strings, no WebAssembly, no GC-timed callbacks; the built-ins are then
 * frozen so one file cannot change what another computes. It leaves `__tkcIntrinsics` for the
 * stdlib's realm script, which takes it (and deletes it) before any descriptor runs.
 */
export const PRELUDE = `(() => {
  "use strict";
  const { defineProperty, freeze, getOwnPropertyDescriptor, getOwnPropertyNames, getPrototypeOf } = Object;
  const ownKeys = Reflect.ownKeys;
  const fail = (name, message, hint) => {
    const e = new Error(message);
    defineProperty(e, "name", { value: name });
    if (hint !== undefined) defineProperty(e, "hint", { value: hint });
    throw e;
  };
  const refuse = (what, hint) => fail("${NONDETERMINISM_ERROR}", what + " is not allowed in descriptors: output must be the same on every machine and every day", hint);
  const FIXED_DATE = "pass a fixed date string, e.g. new Date(\\"2026-01-01T00:00:00Z\\")";

  // The clock. Every path to the real constructor leads to the guarded one.
  const RealDate = Date;
  function SafeDate(...args) {
    if (!new.target) refuse("Date()", FIXED_DATE);
    if (args.length === 0) refuse("new Date() without arguments", FIXED_DATE);
    return Reflect.construct(RealDate, args, new.target === SafeDate ? RealDate : new.target);
  }
  defineProperty(SafeDate, "name", { value: "Date" });
  defineProperty(SafeDate, "length", { value: 7 });
  SafeDate.prototype = RealDate.prototype;
  defineProperty(RealDate.prototype, "constructor", { value: SafeDate, writable: true, configurable: true });
  SafeDate.UTC = RealDate.UTC;
  SafeDate.parse = RealDate.parse;
  SafeDate.now = () => refuse("Date.now()", "use a fixed value or the release version instead of the current time");
  defineProperty(globalThis, "Date", { value: SafeDate, writable: true, configurable: true });
  Math.random = () => refuse("Math.random()", "derive values from names (e.g. a hash of the name) instead of randomness");

  // Intl formats the current time when given no date.
  const dtf = Intl.DateTimeFormat.prototype;
  const format = getOwnPropertyDescriptor(dtf, "format").get;
  defineProperty(dtf, "format", {
    get() {
      const bound = format.call(this);
      return (date) => (date === undefined ? refuse("Intl.DateTimeFormat#format() without a date", FIXED_DATE) : bound(date));
    },
    configurable: true,
  });
  const formatToParts = dtf.formatToParts;
  dtf.formatToParts = function formatToParts_(date) {
    return date === undefined ? refuse("Intl.DateTimeFormat#formatToParts() without a date", FIXED_DATE) : formatToParts.call(this, date);
  };

  // GC-timed callbacks would run outside the time limit and differ from run to run.
  delete globalThis.WeakRef;
  delete globalThis.FinalizationRegistry;
  const unavailable = (what) => () => fail("${UNAVAILABLE_ERROR}", what + " is not available in descriptors", "compute the value in TypeScript");
  const wasm = {};
  for (const key of ["compile", "compileStreaming", "instantiate", "instantiateStreaming", "validate", "Module", "Instance", "Memory", "Table", "Global", "Tag"]) wasm[key] = unavailable("WebAssembly." + key);
  defineProperty(globalThis, "WebAssembly", { value: wasm, writable: true, configurable: true });

  // Code from strings: the stdlib's template engine keeps the real constructor; descriptors get refusals.
  const RealFunction = Function;
  const noCode = (what) => {
    const refusal = function () { fail("${UNAVAILABLE_ERROR}", what + " (code from strings) is not available in descriptors"); };
    return refusal;
  };
  for (const F of [Function, (async () => {}).constructor, function* () {}.constructor, async function* () {}.constructor]) {
    const refusal = noCode(F.name === "Function" ? "new Function()" : F.name);
    refusal.prototype = F.prototype;
    defineProperty(F.prototype, "constructor", { value: refusal, writable: true, configurable: true });
    if (F === RealFunction) defineProperty(globalThis, "Function", { value: refusal, writable: true, configurable: true });
  }
  defineProperty(globalThis, "eval", { value: noCode("eval()"), writable: true, configurable: true });

  // Stack traces: frames for the stdlib's origin capture, and text naming only the user's bundle
  // (no host paths, nothing that changes with tkc's own code).
  let capturing = false;
  const errorToString = Error.prototype.toString;
  Error.stackTraceLimit = 20;
  // Errors whose first frame with a file is tkc's own code, not the descriptor's (see thrownByTkc).
  const tkcThrown = new WeakSet();
  Error.prepareStackTrace = (error, frames) => {
    if (capturing) return frames;
    const first = frames.find((frame) => frame.getFileName());
    if (first && first.getFileName() !== "tkc-bundle" && typeof error === "object" && error !== null) tkcThrown.add(error);
    let out;
    try {
      out = errorToString.call(error);
    } catch {
      out = "Error";
    }
    for (const frame of frames) {
      const file = frame.getFileName();
      if (file !== "tkc-bundle") continue;
      out += "\\n    at " + (frame.getFunctionName() || "<anonymous>") + " (" + file + ":" + frame.getLineNumber() + ":" + frame.getColumnNumber() + ")";
    }
    return out;
  };
  const captureError = Error.captureStackTrace;
  const frames = () => {
    capturing = true;
    try {
      const holder = {};
      captureError(holder, frames);
      return holder.stack;
    } finally {
      capturing = false;
    }
  };

  // Freeze what every descriptor shares. A frozen data property would make "obj.name = x" on an
  // instance throw (the "override mistake"); as SES does, such properties of prototypes become
  // accessors whose setter defines the property on the instance instead.
  const seen = new Set();
  const tame = (object) => {
    for (const key of ownKeys(object)) {
      const d = getOwnPropertyDescriptor(object, key);
      if (!d || !("value" in d) || !d.configurable) continue;
      const value = d.value;
      defineProperty(object, key, {
        get() { return value; },
        set(next) {
          if (this === object) throw new TypeError("Cannot change built-in " + String(key) + ": descriptors share built-ins");
          defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable: d.enumerable,
        configurable: false,
      });
    }
  };
  const harden = (value, isPrototype = false) => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return;
    seen.add(value);
    if (typeof value === "function" && value.prototype) harden(value.prototype, true);
    harden(getPrototypeOf(value), true);
    for (const key of ownKeys(value)) {
      const d = getOwnPropertyDescriptor(value, key);
      if (d && "value" in d) harden(d.value, false);
      else if (d) { harden(d.get, false); harden(d.set, false); }
    }
    if (isPrototype) tame(value);
    freeze(value);
  };
  // Every global binding becomes read-only, so no file can swap JSON or Object for the next one.
  const seal = () => {
    for (const name of getOwnPropertyNames(globalThis)) {
      if (name === "globalThis") continue;
      const d = getOwnPropertyDescriptor(globalThis, name);
      if (!d) continue;
      if (!("value" in d)) continue;
      harden(d.value, false);
      // With the value given: a contextified global turns a bare attribute change into undefined.
      if (d.configurable || d.writable) defineProperty(globalThis, name, { value: d.value, writable: false, enumerable: d.enumerable, configurable: false });
    }
    harden(getPrototypeOf(globalThis), true);
  };
  for (const name of getOwnPropertyNames(globalThis)) {
    if (name === "globalThis") continue;
    const d = getOwnPropertyDescriptor(globalThis, name);
    if (d && "value" in d) harden(d.value, false);
  }
  // Whether an error was thrown in tkc's code (its stack is formatted on first read, which records it).
  const thrownByTkc = (error) => {
    try {
      void error.stack;
    } catch {
      return false;
    }
    return tkcThrown.has(error);
  };
  defineProperty(globalThis, "__tkcIntrinsics", { value: freeze({ frames, Function: RealFunction, harden, seal, thrownByTkc }), configurable: true });
})();`;
