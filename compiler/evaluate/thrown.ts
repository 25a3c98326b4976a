import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../model/source.js";
import { DescriptorError } from "../../stdlib/core/errors.js";
import { NONDETERMINISM_ERROR } from "./sandbox.js";

/** What a throw out of descriptor code means to the user. `fallback` locates errors with no user frame. */
export function diagnoseThrow(
  thrown: unknown,
  mapStack: (stack: string) => SourceLocation | undefined,
  fallback: { location?: SourceLocation; what: string; timeoutMs: number },
): Diagnostic {
  if (thrown instanceof DescriptorError) {
    return error(thrown.code, thrown.message, { location: thrown.location ?? fallback.location, hint: thrown.hint });
  }
  const e = thrown as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; hint?: unknown } | null;
  if (e && e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
    return error("TKC2003", `${fallback.what} did not finish within ${fallback.timeoutMs} ms; is there an endless loop?`, {
      location: fallback.location,
      hint: "descriptors must finish quickly; look for a loop whose condition never changes (limit: TKC_EVAL_TIMEOUT_MS)",
    });
  }
  const stack = typeof e?.stack === "string" ? e.stack : "";
  const location = mapStack(stack) ?? fallback.location;
  const message = e && typeof e.message === "string" ? e.message : String(thrown);
  if (e && e.name === NONDETERMINISM_ERROR) {
    return error("TKC2004", message, { location, hint: typeof e.hint === "string" ? e.hint : undefined });
  }
  if (e && e.name === "RangeError" && /call stack/.test(message)) {
    return error("TKC2002", `${fallback.what} recursed without end: ${message}`, { location, hint: "check the recursion's base case" });
  }
  if (e && e.name === "TypeError" && /not extensible|Cannot change built-in|read[- ]only property|Cannot (re)?define property/.test(message)) {
    return error("TKC2008", `${fallback.what} tried to change a shared built-in: ${message}`, {
      location,
      hint: "built-ins (Array.prototype, JSON, Math...) are frozen: every descriptor of a build shares them; write a helper function instead",
    });
  }
  const name = e && typeof e.name === "string" && e.name !== "Error" ? e.name : "an error";
  return error("TKC2002", `${fallback.what} threw ${name}: ${message}`, { location, hint: "fix the descriptor code at this line, or catch the error there" });
}
