import type { Container, PodSpec, Probe, ResourceRequirements } from "tkc/k8s";
import type { PerEnvironment, PerEnvironmentDeep } from "../core/per-environment.js";
import type { EnvVarValue } from "../core/env-vars.js";
import type { SecurityProfile } from "../core/security.js";
import type { Pattern } from "../core/pattern.js";
import type { PortOption } from "../core/ports.js";

/** A PodSpec override: any field, at any depth, may also be given per environment. */
export type PodOverride = { readonly [K in keyof PodSpec]?: PerEnvironmentDeep<PodSpec[K]> };

/** A Container override: any field, at any depth, may also be given per environment. */
export type ContainerOverride = { readonly [K in keyof Container]?: PerEnvironmentDeep<Container[K]> };

export type { PortOption } from "../core/ports.js";

/** Options every workload kind shares: the main container and its pod. */
export interface WorkloadOptions {
  /** Object name of the workload and its Service; a DNS-1123 label. */
  readonly name: string;
  /** Image with an explicit tag or digest (`:latest` and untagged images are rejected). */
  readonly image: PerEnvironment<string>;
  /** Overrides the image's ENTRYPOINT. @default the image's ENTRYPOINT */
  readonly command?: PerEnvironment<readonly string[]>;
  /** Overrides the image's CMD. @default the image's CMD */
  readonly args?: PerEnvironment<readonly string[]>;
  /** The port the container listens on; `ports` for several (not both). @default none (a service() or statefulService() needs one) */
  readonly port?: PortOption;
  /** Several ports; names must be unique. @default none */
  readonly ports?: readonly PortOption[];
  /** Environment variables, in order: literals or `secretRef` / `configMapRef` / `fieldRef`. @default none */
  readonly env?: Readonly<Record<string, PerEnvironment<EnvVarValue>>>;
  /** CPU and memory requests and limits, e.g. `{ requests: { cpu: "100m", memory: "128Mi" } }`. @default none (the namespace's LimitRange, if any) */
  readonly resources?: PerEnvironment<ResourceRequirements>;
  /** Restarts the container when it fails. @default none */
  readonly liveness?: PerEnvironment<Probe>;
  /** Takes the pod out of Service endpoints while it fails. @default none */
  readonly readiness?: PerEnvironment<Probe>;
  /** Holds off the other probes until the app has started. @default none */
  readonly startup?: PerEnvironment<Probe>;
  /** Paths that get a writable emptyDir, for apps under the read-only root filesystem. @default none */
  readonly writablePaths?: readonly string[];
  /** Pod security profile. @default "restricted" */
  readonly security?: SecurityProfile;
  /** Extra labels on every object of this workload (selectors are not affected). @default none */
  readonly labels?: Readonly<Record<string, string>>;
  /** Extra annotations on the workload object. @default none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Extra annotations on the pod template, e.g. for a service mesh. @default none */
  readonly podAnnotations?: PerEnvironment<Readonly<Record<string, string>>>;
  /** ServiceAccount the pods run as. @default the namespace's default */
  readonly serviceAccountName?: string;
  /** Typed override of the generated main container; merged last (objects merge, lists replace). @default none */
  readonly container?: ContainerOverride;
  /** Typed override of the generated PodSpec; merged last (objects merge, lists replace). @default none */
  readonly pod?: PodOverride;
  /** Platform patterns applied to this workload, in order (sidecars, budgets, autoscaling...). @default none */
  readonly patterns?: readonly Pattern[];
}
