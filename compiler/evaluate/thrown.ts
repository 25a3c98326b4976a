import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLocation } from "../model/source.js";
import { NONDETERMINISM_ERROR, UNAVAILABLE_ERROR } from "./prelude.js";
import type { LocationData, ThrownData } from "./data.js";

/** What a throw out of descriptor code (described by the realm) means to the user. */
export function diagnoseThrow(thrown: ThrownData, location: SourceLocation | undefined, what: string, located?: (data: LocationData | undefined) => SourceLocation | undefined): Diagnostic {
  const { message } = thrown;
  if (thrown.kind === "descriptor" && thrown.code) {
    const related = (thrown.related ?? []).map((note) => ({ message: note.message, location: located?.(note.location) }));
    return error(thrown.code, message, { location, hint: thrown.hint, ...(related.length > 0 ? { related } : {}) });
  }
  if (thrown.name === NONDETERMINISM_ERROR) return error("TKC2004", message, { location, hint: thrown.hint });
  if (thrown.name === UNAVAILABLE_ERROR) {
    return error("TKC2010", message, { location, hint: thrown.hint ?? "descriptors are plain TypeScript evaluated to data: compute the value in TypeScript" });
  }
  if (thrown.name === "RangeError" && /call stack/.test(message)) {
    // tkc walking a value (to resolve or copy it) ran out of stack: the value, not a recursion of the user's.
    if (thrown.inStdlib) return error("TKC2002", `${what} holds a value nested too deeply for tkc to walk (${message.toLowerCase()})`, { location, hint: "no Kubernetes object nests this deeply: build the value with fewer levels" });
    return error("TKC2002", `${what} recursed without end: ${message}`, { location, hint: "check the recursion's base case" });
  }
  if (thrown.name === "RangeError" && /allocation failed/i.test(message)) return memoryLimit(what, location);
  if (thrown.name === "TypeError" && /not extensible|Cannot change built-in|read[- ]only property|Cannot (re)?define property|Cannot assign to read only/.test(message)) {
    return error("TKC2008", `${what} tried to change a shared built-in: ${message}`, {
      location,
      hint: "built-ins (Array.prototype, JSON, Math...) are frozen: every descriptor of a build shares them; write a helper function instead",
    });
  }
  const name = thrown.name !== "Error" ? thrown.name : "an error";
  return error("TKC2002", `${what} threw ${name}: ${message}`, { location, hint: "fix the descriptor code at this line, or catch the error there" });
}

export function timeLimit(what: string, location: SourceLocation | undefined, timeoutMs: number): Diagnostic {
  return error("TKC2003", `${what} did not finish within ${timeoutMs} ms; is there an endless loop?`, {
    location,
    hint: "descriptors must finish quickly; look for a loop whose condition never changes (limit: TKC_EVAL_TIMEOUT_MS)",
  });
}

export function memoryLimit(what: string, location: SourceLocation | undefined, limitMb?: number): Diagnostic {
  return error("TKC2009", `${what} used more memory than evaluation allows${limitMb ? ` (${limitMb} MiB)` : ""}`, {
    location,
    hint: "descriptors describe objects; build large data lazily or not at all (limit: TKC_EVAL_MEMORY_MB)",
  });
}

export function unhandledRejection(what: string, thrown: ThrownData, location: SourceLocation | undefined): Diagnostic {
  const reason = thrown.name !== "Error" ? `${thrown.name}: ${thrown.message}` : thrown.message;
  return error("TKC2011", `${what} left a rejected promise unhandled: ${reason}`, {
    location,
    hint: "descriptors are evaluated synchronously: compute values directly instead of with promises",
  });
}
