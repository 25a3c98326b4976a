import { DescriptorError, USER_CHECK, type ReportNote } from "./errors.js";

export type { ReportNote };
import type { SourceLocation } from "./origin.js";


export interface ReportOptions {
  /** One line telling the user how to fix it. */
  readonly hint?: string;
  /** Related positions, each rendered as its own `note:` line (never folded into the message). */
  readonly related?: readonly ReportNote[];
}

/** One mistake the stdlib (or a user's pattern) reported, as the evaluation realm hands it out. */
export interface Reported {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly at: SourceLocation | undefined;
  readonly hint?: string;
  readonly related?: readonly ReportNote[];
}

/**
 * Where stdlib checks put what they find, so that one run reports every independent mistake:
 * a check reports and goes on; it stops (throws with `fail`) only when the value is unusable.
 */
export interface Report {
  error(code: string, message: string, at: SourceLocation | undefined, options?: ReportOptions): void;
  warning(code: string, message: string, at: SourceLocation | undefined, options?: ReportOptions): void;
}

// Enough for any real project; a descriptor reporting in a loop cannot grow the log without end.
const MAX_REPORTS = 1000;

let log: Reported[] = [];
let errorCount = 0;

const text = (value: unknown): string => (typeof value === "string" ? value : String(value));

function add(severity: Reported["severity"], code: string, message: string, at: SourceLocation | undefined, options: ReportOptions | undefined): void {
  if (severity === "error") errorCount++;
  if (log.length >= MAX_REPORTS) return;
  const hint = options?.hint === undefined ? undefined : text(options.hint);
  const related = options?.related?.map((note) => ({ message: text(note.message), at: note.at }));
  log.push({ code: text(code), severity, message: text(message), at, ...(hint !== undefined ? { hint } : {}), ...(related && related.length > 0 ? { related } : {}) });
}

/** The one report sink of an evaluation (the realm runs one phase at a time). */
export const report: Report = Object.freeze({
  error: (code: string, message: string, at: SourceLocation | undefined, options?: ReportOptions) => add("error", code, message, at, options),
  warning: (code: string, message: string, at: SourceLocation | undefined, options?: ReportOptions) => add("warning", code, message, at, options),
});

/** Errors reported so far (also those past the log's limit): a component that reported one emits nothing. */
export function reportedErrors(): number {
  return errorCount;
}

/** What was reported since the last call, in order; the evaluation realm hands it out as data. */
export function takeReports(): Reported[] {
  const taken = log;
  log = [];
  return taken;
}

/** A thrown DescriptorError (from `fail`, in the stdlib or a user's pattern), reported instead. */
export function reportThrown(error: DescriptorError, fallback: SourceLocation | undefined): void {
  add("error", error.code, error.message, error.location ?? fallback, { hint: error.hint, related: error.related });
}

/**
 * Run one stdlib call's checks: a `fail` inside becomes a report, and the caller learns whether
 * the call is usable. So does a TypeError thrown by tkc's own code, which is how options of the
 * wrong type show (`routes: "nope"` past an `as any`). Anything else thrown (a user's own throw,
 * a getter of theirs) goes on up.
 */
export function guarded(origin: SourceLocation | undefined, run: () => void): boolean {
  const before = errorCount;
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof TypeError && thrownByTkc(thrown)) {
      add("error", "TKC2115", `this call's options are not of the types it takes: ${thrown.message}`, origin, { hint: "check each option's type: TypeScript shows them unless a cast (as any) hides them" });
    } else if (thrown instanceof DescriptorError) {
      reportThrown(thrown, origin);
    } else {
      throw thrown;
    }
  }
  return errorCount === before;
}

// Set by the evaluation realm (evaluate/realm/entry.ts), which alone can tell where an error was
// thrown; elsewhere (unit tests) every such error goes on up.
let thrownByTkc: (error: unknown) => boolean = () => false;

export function setThrownByTkc(test: (error: unknown) => boolean): void {
  thrownByTkc = test;
}

/**
 * Run the independent checks of one stdlib call, each guarded, so that every mistake among them is
 * reported (a check that depends on another's result belongs in the same function). False when
 * one reported an error, or when the options hold a value another call already rejected: that
 * call reported it, and the holder is set aside quietly rather than repeating it as other errors.
 */
export function checkCall(origin: SourceLocation | undefined, options: unknown, ...checks: readonly (() => void)[]): boolean {
  // `service(null as any)`: the checks would throw a TypeError out of the descriptor and stop it.
  if (options === null || (options !== undefined && ((typeof options !== "object" && typeof options !== "function") || Array.isArray(options)))) {
    report.error("TKC2115", `this call takes an object of options, not ${options === null ? "null" : Array.isArray(options) ? "a list" : `a ${typeof options}`}`, origin, { hint: "pass its options as one object literal: { name: ..., ... }" });
    return false;
  }
  let usable = !holdsFailedValue(options);
  for (const check of checks) if (!guarded(origin, check)) usable = false;
  return usable;
}

// Placeholders that calls return after reporting a mistake, so that the descriptor goes on and
// its other mistakes are reported too. Kept here, not on the values: a descriptor cannot forge
// or clear the mark.
const failedValues = new WeakSet<object>();

/** Mark the placeholder a call returns after it reported a mistake. */
export function failedValue<T extends object>(placeholder: T): T {
  failedValues.add(placeholder);
  return placeholder;
}

export function isFailedValue(value: unknown): boolean {
  return ((typeof value === "object" && value !== null) || typeof value === "function") && failedValues.has(value);
}

// A failed value sits directly in the options of the call that uses it (a probe in healthProbes(),
// a pattern in `patterns`, sized() in `resources`): enough of them are looked at to find it.
const MAX_SCANNED = 200;

/**
 * Whether options hold a failed value, as a property or an item of a list property. Reads
 * property descriptors only, so no getter of the user's runs; a Proxy that throws holds none.
 */
export function holdsFailedValue(options: unknown): boolean {
  if (isFailedValue(options)) return true;
  if (typeof options !== "object" || options === null) return false;
  try {
    const values = dataValues(options);
    return values.some((value) => isFailedValue(value) || (Array.isArray(value) && dataValues(value).some(isFailedValue)));
  } catch {
    return false;
  }
}

function dataValues(object: object): unknown[] {
  const values: unknown[] = [];
  for (const key of Reflect.ownKeys(object).slice(0, MAX_SCANNED)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
    if (descriptor && "value" in descriptor) values.push(descriptor.value);
  }
  return values;
}

/**
 * For your own patterns and components, exported from "tkc" as `report`: record a mistake in the
 * options a user passed, as `file:line:col error TKC2900: message` at `at`, and go on, so the
 * user learns of every mistake in one run (`fail` stops instead). In `definePattern`, pass the
 * `origin` it gives `check` and `apply`; in a function of your own, `callerOrigin()`.
 */
export function reportOption(message: string, at: SourceLocation | undefined, options: ReportOptions & { readonly severity?: "error" | "warning" } = {}): void {
  add(options.severity === "warning" ? "warning" : "error", USER_CHECK, message, at, options);
}
