import type { BundlePlan, Layout } from "../model/bundle.js";
import type { Evaluation, Expansion } from "../model/evaluation.js";
import type { SourceFile } from "../model/source.js";
import { succeed, type StageResult } from "../model/stage.js";
import { recordedInputs } from "../inputs/check.js";
import { tkcVersion } from "../paths.js";
import { planBundle } from "./bundle-plan.js";

export interface PlanInput {
  readonly evaluation: Evaluation;
  readonly expansion: Expansion;
  readonly kubeVersion: string;
  readonly layout: Layout;
  /** bundle.json's sources (see bundle-sources.ts). */
  readonly sources: readonly SourceFile[];
}

/** The plan stage: one valid environment's bundle, in memory (nothing is written here). */
export function planEnvironment({ evaluation, expansion, kubeVersion, layout, sources }: PlanInput): StageResult<BundlePlan> {
  const { release } = evaluation;
  const { environment } = expansion;
  return succeed(planBundle({
    release: release.name,
    version: release.version,
    environment,
    namespace: expansion.namespace,
    kubeVersion,
    compilerVersion: tkcVersion(),
    layout,
    sources,
    inputs: recordedInputs(evaluation.declaredInputs, environment),
    dependencies: evaluation.dependencies.get(environment),
    objects: expansion.objects.map((o) => o.object),
  }));
}
