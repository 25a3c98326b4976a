import { performance } from "node:perf_hooks";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * What every stage returns: a value (with warnings) or the diagnostics that stopped it. A stage
 * that stops may still hand on what it did produce (`partial`), so that a later check reports its
 * own, independent mistakes in the same run (expand's bad objects do not hide validation's).
 */
export type StageResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly partial?: T };

/**
 * What every stage is given beside its input: where timings go, where descriptor output goes, and
 * the text of every file the build read (code frames are drawn from these only).
 */
export interface StageContext {
  /** Milliseconds by stage (`TKC_TIMINGS=1`; bench/ reads the keys). */
  readonly timings: Record<string, number>;
  /** Files read so far, by absolute path. A stage adds what it reads. */
  readonly read: Map<string, string>;
  /** console.log of descriptors, a line at a time. */
  readonly log: (line: string) => void;
}

export function succeed<T>(value: T, warnings: readonly Diagnostic[] = []): StageResult<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(diagnostics: readonly Diagnostic[], partial?: T): StageResult<T> {
  return partial === undefined ? { ok: false, diagnostics } : { ok: false, diagnostics, partial };
}

/** Every diagnostic of a result, warnings included. */
export function diagnosticsOf(result: StageResult<unknown>): readonly Diagnostic[] {
  return result.ok ? result.warnings : result.diagnostics;
}

/** A stage's value, or what it produced before it stopped. */
export function producedBy<T>(result: StageResult<T>): T | undefined {
  return result.ok ? result.value : result.partial;
}

/** Run a step and put its milliseconds (to a tenth) under `name` in the timings. */
export function timed<T>(timings: Record<string, number>, name: string, step: () => T): T {
  const started = performance.now();
  const result = step();
  if (result instanceof Promise) return result.then((value) => (lap(timings, name, started), value)) as T;
  lap(timings, name, started);
  return result;
}

function lap(timings: Record<string, number>, name: string, since: number): void {
  timings[name] = Math.round((performance.now() - since) * 10) / 10;
}
