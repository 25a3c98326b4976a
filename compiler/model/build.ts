import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { BundleManifest } from "./bundle.js";
import type { ChangeSummary } from "./revision.js";

/** What happened to one environment of a build. */
export interface EnvironmentReport {
  readonly environment: string;
  readonly objects: number;
  readonly digest: string;
  /** Where the bundle is (or would be) written. */
  readonly outDir: string;
  /** `recorded` (a new revision), `unchanged` (same digest as the latest revision), or `checked` (nothing written). */
  readonly outcome: "recorded" | "unchanged" | "checked";
  /** The release revision the bundle is (absent for `checked`). */
  readonly revision?: number;
  /** Against the parent revision (for `unchanged`: what the latest revision changed). */
  readonly changes?: ChangeSummary;
  /** The revision's note, e.g. new content recorded under a version already released. */
  readonly note?: string;
  readonly manifest: BundleManifest;
  /** The bundle's files in memory (relative path -> content), for `checked` builds only: `build --out -` prints them. */
  readonly files?: ReadonlyMap<string, string>;
  readonly millis: number;
}

export interface BuildReport {
  readonly ok: boolean;
  readonly release?: string;
  readonly version?: string;
  readonly environments: readonly EnvironmentReport[];
  /** Errors and warnings, in the order they should be printed. */
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file the build read, by absolute path: the only text code frames show. */
  readonly sources?: Readonly<Record<string, string>>;
  readonly timings: Readonly<Record<string, number>>;
}
