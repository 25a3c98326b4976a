import { loadProject } from "./load/project.js";
import { loadSources } from "./load/load.js";
import { outputRoot } from "./release/output-path.js";
import { warmBuild, warmBuildKey } from "./cache/warm-build.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { EnvironmentReport } from "./model/build.js";
import type { Layout } from "./model/bundle.js";
import type { LoadedProject } from "./model/project.js";
import type { SuppliedValue } from "../stdlib/core/input.js";
import { timed, type StageContext } from "./model/stage.js";

export interface FrontOptions {
  readonly target: string;
  readonly environments?: readonly string[];
  readonly kubeVersion?: string;
  readonly outDir?: string;
  readonly layout: Layout;
  readonly write: boolean;
  /**
   * The values given for the build inputs, read once the project is found (`suppliedValues` of
   * inputs/supplied.ts; the fast path, which takes no inputs, gives none and so never loads YAML).
   */
  readonly supply: () => { readonly values: readonly SuppliedValue[]; readonly diagnostics: readonly Diagnostic[] };
}

/** What the front of a build found: the loaded project, or the bundles of an identical earlier build. */
export type Front =
  | { readonly stopped: readonly Diagnostic[] }
  | { readonly warm: readonly EnvironmentReport[] }
  | { readonly loaded: LoadedProject; readonly outRoot: string; readonly supplied: readonly SuppliedValue[]; readonly warmKey: string };

/**
 * The front of the build pipeline (pipeline.ts goes on from here): load the project and its
 * sources, then the warm check: same inputs as a previous build whose bundles are still on disk
 * means nothing to do. Its own module so that `tkc build`'s fast path (cli/warm-main.ts) loads only
 * this much of the compiler.
 */
export function buildFront(options: FrontOptions, ctx: StageContext): Front {
  const found = loadProject({ target: options.target, kubeVersion: options.kubeVersion }, ctx);
  if (!found.ok) return { stopped: found.diagnostics };
  const out = outputRoot(found.value, options.outDir);
  if (!out.ok) return { stopped: out.diagnostics };
  const loaded = timed(ctx.timings, "load", () => loadSources(found.value, ctx));
  if (!loaded.ok) return { stopped: loaded.diagnostics };
  const { project, sources } = loaded.value;
  const supplied = options.supply();
  if (supplied.diagnostics.length > 0) return { stopped: supplied.diagnostics };
  const warmKey = warmBuildKey({ kubeVersion: project.config.kubeVersion, layout: options.layout, environments: options.environments, supplied: supplied.values, sources });
  const warm = options.write ? warmBuild(project.dir, warmKey, out.value) : undefined;
  if (warm) return { warm };
  return { loaded: loaded.value, outRoot: out.value, supplied: supplied.values, warmKey };
}
