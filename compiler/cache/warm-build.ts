import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { EnvironmentReport } from "../model/build.js";
import type { SourceFile } from "../model/source.js";
import type { SuppliedValue } from "../../stdlib/core/input.js";
import { readSource } from "../load/sources.js";
import { refuseLinks } from "../release/output-path.js";
import { historyDir, revisionDirName } from "../release/layout.js";
import { latestRevision, latestRevisionNumber } from "../release/revision.js";
import type { LatestRevisionStats } from "../release/record.js";
import { toolchainFingerprint } from "../paths.js";
import { cacheDir, cacheDirPath, readCache, sha256, writeCache } from "./cache-dir.js";

/**
 * The warm path: a build with the same inputs as a previous one whose bundles are still on disk,
 * untouched, has nothing to do. Entries are keyed by a hash of everything the build reads.
 */
interface WarmEntry {
  readonly reports: readonly EnvironmentReport[];
  /** Per bundle directory: file -> [size, mtime] right after writing (a stat cache, as git keeps). */
  readonly stats: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
  /** Inputs of the evaluation the build key does not cover (imported text files), with their sha256. */
  readonly assets: Readonly<Record<string, string>>;
  /** Per history directory: its latest revision, with the stats of its record and manifest right after the build. */
  readonly history?: Readonly<Record<string, LatestRevisionStats>>;
  /**
   * The build's warnings (an unpinned tag under `policy: "warning"`, a file that is not UTF-8),
   * said again by the warm path: a build with any warning was never remembered, so it stayed
   * cold, every time (0.22 s against 0.12 s for the scaffold under policy warning).
   */
  readonly warnings?: readonly Diagnostic[];
}

export interface WarmKeyInput {
  readonly kubeVersion: string;
  readonly layout: string;
  /** The severity of policy findings: a remembered build's warnings are another build's errors. */
  readonly policy: "error" | "warning";
  /** As asked for (undefined: all). */
  readonly environments?: readonly string[];
  readonly supplied: readonly SuppliedValue[];
  readonly sources: readonly SourceFile[];
}

export function warmBuildKey(input: WarmKeyInput): string {
  return sha256([toolchainFingerprint(), input.kubeVersion, input.layout, input.policy, (input.environments ?? ["*"]).join(","), JSON.stringify(input.supplied), ...input.sources.map((s) => `${s.path}\0${s.sha256}`)].join("\n"));
}

/** A previous build's reports (and warnings) when every bundle it wrote is untouched on disk. */
export function warmBuild(projectDir: string, key: string, outRoot: string): { readonly reports: EnvironmentReport[]; readonly warnings: readonly Diagnostic[] } | undefined {
  const previous = readCache<WarmEntry>(cacheDir(projectDir), `build-${key}.json`);
  if (!previous || previous.reports.length === 0) return undefined;
  for (const [file, digest] of Object.entries(previous.assets ?? {})) {
    if (!existsSync(file) || readSource(file).sha256 !== digest) return undefined;
  }
  for (const report of previous.reports) {
    const expectedDir = join(outRoot, report.manifest.release, report.environment);
    const stats = previous.stats[expectedDir];
    if (report.outDir !== expectedDir || !stats || !statsMatch(expectedDir, stats)) return undefined;
    // The history must still end in this bundle (it may have been rolled back or pruned since).
    try {
      refuseLinks(outRoot, expectedDir);
      refuseLinks(outRoot, historyDir(outRoot, report.manifest.release, report.environment));
      const history = historyDir(outRoot, report.manifest.release, report.environment);
      const latest = previous.history?.[history];
      if (latest ? !historyUnchanged(history, latest) : latestRevision(history)?.record.digest !== report.digest) return undefined;
    } catch {
      return undefined;
    }
  }
  const reports = previous.reports.map((r) => ({ ...r, outcome: "unchanged" as const, millis: 0 }));
  return { reports, warnings: (previous.warnings ?? []).filter((d) => d.severity === "warning") };
}

/** Whether any build of this project was remembered (a cheap look before the sources are read). */
export function rememberedBuilds(projectDir: string): boolean {
  try {
    return readdirSync(cacheDirPath(projectDir)).some((name) => name.startsWith("build-") && name.endsWith(".json"));
  } catch {
    return false;
  }
}

/** Remember a written build for the warm path. */
export function rememberBuild(projectDir: string, key: string, entry: WarmEntry): void {
  writeCache(cacheDir(projectDir), `build-${key}.json`, entry satisfies WarmEntry);
}

function statsMatch(dir: string, stats: Readonly<Record<string, readonly [number, number]>>): boolean {
  for (const [file, [size, mtime]] of Object.entries(stats)) {
    // No exists-then-stat: a concurrent build may swap the bundle in between.
    const stat = statSync(join(dir, file), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtime) return false;
  }
  return true;
}

/**
 * The history still ends in the revision this build recorded (or found), untouched: the same
 * latest revision, its record and manifest with the sizes and mtimes they had right after the
 * build (neither is read: at N=500 reading and checking them was a tenth of a warm build).
 */
function historyUnchanged(dir: string, latest: LatestRevisionStats): boolean {
  if (latestRevisionNumber(dir) !== latest.revision) return false;
  const revisionDir = join(dir, revisionDirName(latest.revision));
  if (lstatSync(revisionDir, { throwIfNoEntry: false })?.isDirectory() !== true) return false;
  for (const [file, [size, mtime]] of Object.entries(latest.files)) {
    const stat = lstatSync(join(revisionDir, file), { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size !== size || stat.mtimeMs !== mtime) return false;
  }
  return true;
}
