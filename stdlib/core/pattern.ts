import type { Container, PodSpec } from "tkc/k8s";
import type { ExpandContext, ObjectDraft } from "./component.js";
import { captureOrigin, type SourceLocation } from "./origin.js";
import type { PortOption } from "./ports.js";

/** The workload being built, as a pattern sees and changes it. */
export interface WorkloadBuild {
  readonly name: string;
  /** `service`, `worker`, `statefulService`, `daemon`, `job`, `cronJob`. */
  readonly type: string;
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
}

/** A reusable platform pattern, applied to a workload at expansion time. */
export interface Pattern {
  readonly name: string;
  readonly origin: SourceLocation | undefined;
  apply(build: WorkloadBuild, context: ExpandContext): void;
}

/**
 * Define a pattern: `check` validates options when the user calls it (so errors point at that
 * call), `apply` changes the workload per environment.
 */
export function definePattern<Options>(definition: {
  readonly name: string;
  readonly check?: (options: Options, origin: SourceLocation | undefined) => void;
  readonly apply: (options: Options, build: WorkloadBuild, context: ExpandContext, origin: SourceLocation | undefined) => void;
}): (options: Options) => Pattern {
  return (options) => {
    const origin = captureOrigin();
    definition.check?.(options, origin);
    return {
      name: definition.name,
      origin,
      apply: (build, context) => definition.apply(options, build, context, origin),
    };
  };
}
