import type { Container, PodSpec } from "tkc/k8s";
import type { ExpandContext, FieldMapping, ObjectDraft } from "./component.js";
import { captureOrigin, type SourceLocation } from "./origin.js";
import { failedValue, guarded, holdsFailedValue, report, type Report } from "./report.js";
import type { PortOption } from "./ports.js";

type Path = readonly (string | number)[];

/**
 * Which call set a part of the pod (a pattern's, e.g. `sidecar({...})`), so that a mistake in it
 * is reported at that call's options rather than at the workload's.
 */
export interface SetBy {
  readonly origin: SourceLocation | undefined;
  /**
   * Parts of the value and the options of that call that set them, `[pathInValue, optionPath]`,
   * e.g. `[["image"], ["image"]]`. Parts not listed point at the call itself.
   */
  readonly fields?: readonly (readonly [Path, Path])[];
}

/**
 * A part someone set: of the pod template by path, or a named container or volume (whose index
 * is known only at the end); or of the workload object or its Service (`of`), by path.
 */
export type TemplatePart = { readonly path: Path; readonly of?: "template" | "workload" | "service" } | { readonly list: "containers" | "initContainers" | "volumes"; readonly name: string };

/** The kinds of workload a pattern may be applied to (a Deployment's, a StatefulSet's...). */
export type WorkloadKind = "service" | "worker" | "statefulService" | "singleton" | "daemon" | "job" | "workQueue" | "cronJob";

/** The workload being built, as a pattern sees and changes it. */
export interface WorkloadBuild {
  readonly name: string;
  readonly type: WorkloadKind;
  /** Labels that select this workload's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** Labels on the pod template (a superset of `selector`). */
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  pod: PodSpec;
  /** The main container (also `pod.containers[0]` once the build finishes). */
  container: Container;
  /** The main container's ports, as the user declared them. */
  readonly ports: readonly PortOption[];
  /** Fields merged into the workload object's spec (strategy, minReadySeconds...); objects merge, lists replace. */
  spec: Record<string, unknown>;
  /**
   * The replica count the workload itself asks for in this environment (its `replicas` option,
   * or its default), for Deployments and StatefulSets; unknown for the variants of blueGreen() and
   * canary(), whose pods several Deployments share.
   */
  readonly replicas?: number;
  /**
   * Set by autoscaling patterns: who owns the replica count. The workload then emits no
   * `spec.replicas`, so re-applying the bundle never resets what the autoscaler chose.
   */
  replicasManagedBy?: string;
  /** Annotations on the workload object itself (e.g. Argo CD sync waves). */
  workloadAnnotations: Record<string, string>;
  /** Fields merged into the spec of the workload's Service, for kinds that have one. */
  serviceSpec: Record<string, unknown>;
  /** Annotations on the workload's Service. */
  serviceAnnotations: Record<string, string>;
  /** Objects the pattern adds beside the workload (PDB, HPA, ConfigMap...). */
  readonly extraObjects: ObjectDraft[];

  // What the patterns applied so far tell the later ones, so that contradictions are caught
  // whatever order the patterns are listed in.

  /** The autoscaler that owns the replica count (autoscale(), kedaScaling()), with its minimum. */
  scaler?: { readonly pattern: string; readonly minReplicas: number; readonly origin: SourceLocation | undefined };
  /** The workload's disruptionBudget(), as resolved for this environment. */
  budget?: { readonly minAvailable?: number | string; readonly maxUnavailable?: number | string; readonly origin: SourceLocation | undefined };
  /** The requests a verticalAutoscale() not in "Off" mode changes. */
  verticalInAutoMode?: { readonly resources: readonly string[]; readonly origin: SourceLocation | undefined };
  /** The resources whose utilization autoscale() targets. */
  horizontalResources?: { readonly resources: readonly string[]; readonly origin: SourceLocation | undefined };
  /** The Prometheus `job` label of the workload's targets, set by its monitor pattern. */
  monitoringJob?: string;
  /** Checks a pattern runs once every pattern has been applied (they see the final build). */
  readonly afterPatterns: (() => void)[];

  /**
   * Add a container to the pod and record which call set it: `init` for an init container (a
   * native sidecar is one with `restartPolicy: Always`).
   */
  addContainer(container: Container, set: SetBy & { readonly init?: boolean }): void;
  /** Record which call set a part of the pod template (e.g. the main container's readiness probe). */
  recordOrigin(part: TemplatePart, set: SetBy): void;
  /** What `addContainer` and `recordOrigin` recorded, in order. */
  readonly templateOrigins: readonly { readonly part: TemplatePart; readonly set: SetBy }[];
  /** The same as field mappings relative to the pod template, once the build has finished. */
  readonly templateFields: FieldMapping[];
  /** Which of the workload's own options set which part of the pod template, recorded as the build set it. */
  readonly optionFields: readonly FieldMapping[];
  /** The parts of the workload object and of its Service recorded, as their field mappings. */
  readonly objectFields: { readonly workload: FieldMapping[]; readonly service: FieldMapping[] };
}

/** A reusable platform pattern, applied to a workload at expansion time. */
export interface Pattern {
  readonly name: string;
  readonly origin: SourceLocation | undefined;
  apply(build: WorkloadBuild, context: ExpandContext): void;
}

/**
 * Define a pattern: `check` validates options when the user calls it (so errors point at that
 * call), `apply` changes the workload per environment. Both get the call's `origin` and the
 * `report` sink: report a mistake there and go on, or `fail` when nothing sensible can follow;
 * either way the other calls' mistakes are reported in the same run. A pattern whose `check`
 * reported an error is not applied; one whose options hold a value another call rejected (a
 * failed `httpProbe(...)`) is not applied either, and sets aside the workload that lists it.
 */
export function definePattern<Options>(definition: {
  readonly name: string;
  readonly check?: (options: Options, origin: SourceLocation | undefined, report: Report) => void;
  readonly apply: (options: Options, build: WorkloadBuild, context: ExpandContext, origin: SourceLocation | undefined, report: Report) => void;
}): (options: Options) => Pattern {
  return (options) => {
    const origin = captureOrigin();
    const holdsFailed = holdsFailedValue(options);
    const usable = (definition.check === undefined || guarded(origin, () => definition.check!(options, origin, report))) && !holdsFailed;
    const pattern: Pattern = {
      name: definition.name,
      origin,
      apply: (build, context) => {
        if (usable) guarded(origin, () => definition.apply(options, build, context, origin, report));
      },
    };
    return holdsFailed ? failedValue(pattern) : pattern;
  };
}
