import { loadProject } from "./load/project.js";
import { loadSources } from "./load/load.js";
import { checkInsideProject } from "./load/confine.js";
import { readSource } from "./load/sources.js";
import { outputRoot } from "./release/output-path.js";
import { rememberedBuilds, warmBuild, warmBuildKey } from "./cache/warm-build.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { EnvironmentReport } from "./model/build.js";
import type { Layout } from "./model/bundle.js";
import type { LoadedProject, Project } from "./model/project.js";
import type { SuppliedValue } from "../stdlib/core/input.js";
import { timed, type StageContext } from "./model/stage.js";

export interface FrontOptions {
  readonly target: string;
  readonly environments?: readonly string[];
  readonly kubeVersion?: string;
  readonly outDir?: string;
  readonly layout: Layout;
  readonly write: boolean;
  /** As given (`--policy`); else tkc.config.json's, else "error". Part of the warm key: it decides whether a finding fails the build. */
  readonly policy?: "error" | "warning";
  /**
   * The values given for the build inputs, read once the project is found (`suppliedValues` of
   * inputs/supplied.ts; the fast path, which takes no inputs, gives none and so never loads YAML).
   */
  readonly supply: () => { readonly values: readonly SuppliedValue[]; readonly diagnostics: readonly Diagnostic[] };
}

/** What the front of a build found: the loaded project, or the bundles of an identical earlier build. */
export type Front =
  | { readonly stopped: readonly Diagnostic[] }
  // `warnings`: what loading the sources found (a descriptor that is not UTF-8), for the report
  | { readonly warm: readonly EnvironmentReport[]; readonly warnings: readonly Diagnostic[] }
  | { readonly loaded: LoadedProject; readonly outRoot: string; readonly supplied: readonly SuppliedValue[]; readonly warmKey: string; readonly warnings: readonly Diagnostic[] };

/**
 * The front of the build pipeline (pipeline.ts goes on from here): load the project and its
 * sources, then the warm check: same inputs as a previous build whose bundles are still on disk
 * means nothing to do. Its own module so that `tkc build`'s fast path (cli/warm-main.ts) loads only
 * this much of the compiler.
 */
export function buildFront(options: FrontOptions, ctx: StageContext): Front {
  const found = findProject(options, ctx);
  return "stopped" in found ? found : checkWarm(found, options, ctx);
}

/** The fast path's front: only a warm answer, and not a source read when the project was never built. */
export function warmFront(options: FrontOptions, ctx: StageContext): readonly EnvironmentReport[] | undefined {
  const found = findProject(options, ctx);
  if ("stopped" in found || !rememberedBuilds(found.project.dir)) return undefined;
  const front = checkWarm(found, options, ctx);
  // A warning to show: the full CLI says it (the fast path prints only the bundles' lines).
  return "warm" in front && front.warnings.length === 0 ? front.warm : undefined;
}

type Found = { readonly project: Project; readonly outRoot: string } | { readonly stopped: readonly Diagnostic[] };

function findProject(options: FrontOptions, ctx: StageContext): Found {
  const found = loadProject({ target: options.target, kubeVersion: options.kubeVersion }, ctx);
  if (!found.ok) return { stopped: found.diagnostics };
  const out = outputRoot(found.value, options.outDir);
  return out.ok ? { project: found.value, outRoot: out.value } : { stopped: out.diagnostics };
}

function checkWarm(found: { readonly project: Project; readonly outRoot: string }, options: FrontOptions, ctx: StageContext): Front {
  const loaded = timed(ctx.timings, "load", () => loadSources(found.project, ctx));
  if (!loaded.ok) return { stopped: loaded.diagnostics };
  const warnings = loaded.warnings;
  const { project, sources } = loaded.value;
  const supplied = options.supply();
  if (supplied.diagnostics.length > 0) return { stopped: [...warnings, ...supplied.diagnostics] };
  const policy = options.policy ?? project.config.policy ?? "error";
  const warmKey = warmBuildKey({ kubeVersion: project.config.kubeVersion, layout: options.layout, policy, environments: options.environments, supplied: supplied.values, sources });
  const warm = options.write ? warmBuild(project.dir, warmKey, found.outRoot) : undefined;
  if (warm) {
    readFramesOf(warm.warnings, project.dir, ctx.read);
    return { warm: warm.reports, warnings: [...warnings, ...warm.warnings] };
  }
  return { loaded: loaded.value, outRoot: found.outRoot, supplied: supplied.values, warmKey, warnings };
}

/**
 * The text of each project file a remembered warning points into (an imported text file, say), for
 * its code frame, as the build that found it had it. Only files inside the project: the entry is
 * data in a cache folder (a commit can plant one), and a code frame shows a line of the file.
 */
function readFramesOf(warnings: readonly Diagnostic[], projectDir: string, read: Map<string, string>): void {
  for (const file of new Set(warnings.map((d) => d.location?.file))) {
    if (file === undefined || read.has(file) || checkInsideProject(file, projectDir) !== undefined) continue;
    try {
      read.set(file, readSource(file).text);
    } catch {
      // gone or unreadable since: no code frame
    }
  }
}
