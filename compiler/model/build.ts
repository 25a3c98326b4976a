import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BundleManifest } from "../emit/bundle-plan.js";

/** What happened to one environment of a build. */
export interface EnvironmentReport {
  readonly environment: string;
  readonly objects: number;
  readonly digest: string;
  /** Where the bundle is (or would be) written. */
  readonly outDir: string;
  /** `written`, `unchanged` (same bytes already there), or `checked` (nothing written). */
  readonly outcome: "written" | "unchanged" | "checked";
  readonly manifest: BundleManifest;
  readonly millis: number;
}

export interface BuildReport {
  readonly ok: boolean;
  readonly release?: string;
  readonly version?: string;
  readonly environments: readonly EnvironmentReport[];
  /** Errors and warnings, in the order they should be printed. */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Readonly<Record<string, number>>;
}
