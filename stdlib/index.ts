/// <reference path="./sandbox-globals.d.ts" />
/// <reference path="./text-modules.d.ts" />
/**
 * tkc's standard library: what `import ... from "tkc"` gives a descriptor.
 * Every function records where it was called, so errors point at the user's line.
 */
export { release, isRelease, type Release, type ReleaseOptions, type EnvironmentOptions } from "./core/release.js";
export { input, typeName as inputTypeName, type InputType, type InputScalarType, type InputValue, type InputOptions } from "./core/input.js";
export { perEnv, forEnv, type PerEnvironment, type PerEnvironmentDeep, type PerEnv, type EnvironmentContext, type Env, type EnvDeep } from "./core/per-environment.js";
export { secretRef, configMapRef, fieldRef, resourceRef, type EnvVarValue, type EnvValue } from "./core/env-vars.js";
export { definePattern, type Pattern, type SetBy, type TemplatePart, type WorkloadBuild, type WorkloadKind } from "./core/pattern.js";
export { failOption as fail } from "./core/errors.js";
export { reportOption as report, type Report, type ReportNote, type ReportOptions } from "./core/report.js";
export { atArgument, atProperty, callerOrigin, type SourceLocation } from "./core/origin.js";
export { defineComponent, isComponent, type Component, type ExpandContext, type ObjectDraft } from "./core/component.js";
export type { SecurityProfile } from "./core/security.js";
export type { ContainerOverride, PodOverride, PortOption, WorkloadOptions } from "./workloads/options.js";
export { service, type ServiceOptions } from "./workloads/service.js";
export { worker, type WorkerOptions } from "./workloads/worker.js";
export { statefulService, type StatefulServiceOptions, type StorageOption } from "./workloads/stateful-service.js";
export { daemon, type DaemonOptions } from "./workloads/daemon.js";
export { job, cronJob, type JobOptions, type CronJobOptions } from "./workloads/job.js";
export { raw, unchecked, type ImportedCustomResources, type RawObject, type UncheckedObject } from "./objects/raw.js";
export { configMap, type ConfigMapOptions } from "./objects/config-map.js";
export { ingress, type IngressOptions, type IngressRoute } from "./networking/ingress.js";

// The pattern library (docs/patterns.md), one folder per family.
export * from "./patterns/foundational/index.js";
export * from "./patterns/behavioural/index.js";
export * from "./patterns/discovery/index.js";
export * from "./patterns/structural/index.js";
export * from "./patterns/configuration/index.js";
export * from "./patterns/advanced/index.js";
export { include, kustomization, helmChart, patch, forEachPod, type Patch, type IncludeOptions, type KustomizationOptions, type HelmChartOptions } from "./objects/include.js";
