import type { AppsV1Deployment, AppsV1DeploymentStrategy as DeploymentStrategy } from "tkc/k8s";
import type { ExpandContext, FieldMapping, ObjectDraft } from "../core/component.js";
import { resolve, resolveDeep, type PerEnvironment } from "../core/per-environment.js";
import { compact } from "../core/merge.js";
import type { SourceLocation } from "../core/origin.js";
import type { WorkloadBuild, WorkloadKind } from "../core/pattern.js";
import type { WorkloadOptions } from "./options.js";
import { finishBuild, startBuild, withPatternSpec, workloadFields, workloadMetadata } from "./pod.js";

/** Options of the workloads that are a Deployment (service, worker and the rollout variants). */
export interface DeploymentOptions extends WorkloadOptions {
  /** Pod replicas. @default 1 */
  readonly replicas?: PerEnvironment<number>;
  /** Rollout strategy. @default RollingUpdate with maxSurge 25%, maxUnavailable 25% (the Kubernetes default) */
  readonly strategy?: PerEnvironment<DeploymentStrategy>;
}

/**
 * One of several Deployments of the same app (a blue/green colour, a canary track). Its pods get
 * `labels` on top of the app's selector labels, and its Deployment selects on both, so variants
 * never adopt each other's pods while a Service selecting only the app's labels reaches them all.
 */
export interface DeploymentVariant {
  /** Deployment name. */
  readonly name: string;
  /** Replaces the workload's `image`. */
  readonly image?: PerEnvironment<string>;
  /** Replaces the workload's `replicas`. */
  readonly replicas?: number;
  /** Labels that tell this variant's pods from the others'. */
  readonly labels: Readonly<Record<string, string>>;
  /** Mappings that take precedence over the workload's (e.g. image -> the variant's option). */
  readonly fields?: readonly FieldMapping[];
}

/** A Deployment from workload options: the build (patterns applied) and the object with its field mappings. */
export function deploymentDraft(
  type: WorkloadKind,
  options: DeploymentOptions,
  context: ExpandContext,
  origin: SourceLocation | undefined,
  variant?: DeploymentVariant,
): { build: WorkloadBuild; draft: ObjectDraft } {
  const replicas = variant?.replicas ?? resolve(options.replicas ?? 1, context.environment);
  // A variant's pods are shared with the other variants' Deployments: its own count says little.
  const build = startBuild(type, variant?.image === undefined ? options : { ...options, image: variant.image }, context, origin, variant ? undefined : replicas);
  const variantLabels = variant?.labels ?? {};
  build.podLabels = { ...build.podLabels, ...variantLabels };
  const template = finishBuild(build, options, context);
  const metadata = workloadMetadata(options, build, variant?.name ?? options.name);
  const deployment: AppsV1Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { ...metadata, labels: { ...metadata.labels, ...variantLabels } },
    spec: withPatternSpec(compact({
      replicas,
      strategy: options.strategy ? resolveDeep(resolve(options.strategy, context.environment), context.environment) : undefined,
      selector: { matchLabels: { ...build.selector, ...variantLabels } },
      template,
    }), build),
  };
  // The first of equally specific mappings wins, so the variant's own come first.
  const fields = [
    ...(variant?.fields ?? []),
    ...workloadFields(["spec", "template"], [[["spec", "replicas"], ["replicas"]], [["spec", "strategy"], ["strategy"]]], build),
  ];
  return { build, draft: { object: deployment, origin, fields } };
}
