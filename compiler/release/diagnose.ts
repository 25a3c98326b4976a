import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { unwritableDiagnostic } from "../diagnostics/unwritable.js";
import { LockTimeout } from "./lock.js";
import { HistoryError } from "./revision.js";
import { UnsafeOutput } from "./output-path.js";

/** A failure while reading or writing history, as a user-facing diagnostic (bugs still throw). */
export function historyDiagnostic(failure: unknown): Diagnostic {
  if (failure instanceof HistoryError) {
    return error("TKC4002", failure.message, { location: { file: failure.file, line: 1, column: 1 }, hint: failure.hint });
  }
  if (failure instanceof UnsafeOutput) {
    // No location: a code frame would read the file the link points to.
    return error("TKC4007", failure.message, { hint: failure.hint });
  }
  if (failure instanceof LockTimeout) {
    return error("TKC4003", failure.message, { hint: "wait for the other build to finish; if none is running, the lock is released by itself once its owner has exited" });
  }
  const unwritable = unwritableDiagnostic(failure);
  if (unwritable) return unwritable;
  throw failure;
}
