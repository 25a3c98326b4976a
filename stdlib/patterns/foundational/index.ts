// Foundational patterns (docs/patterns.md): health probes, managed lifecycle,
// predictable demands, declarative deployment, automated placement.
export { httpProbe, tcpProbe, grpcProbe, execProbe, healthProbes, type HealthCheck, type HealthProbesOptions, type ProbeTiming } from "./probes.js";
export { lifecycleHooks, type LifecycleHooksOptions } from "./lifecycle-hooks.js";
export { gracefulShutdown, type GracefulShutdownOptions } from "./graceful-shutdown.js";
export { sized, RESOURCE_SIZES, type ResourceSize, type SizedOptions } from "./resource-profiles.js";
export { priorityClass, type PriorityClassOptions } from "./priority-class.js";
export { resourceQuota, type ResourceQuotaOptions, type QuotaLimits } from "./resource-quota.js";
export { limitRange, type LimitRangeOptions, type ContainerLimits } from "./limit-range.js";
export { rollingUpdate, type RollingUpdateOptions } from "./rolling-update.js";
export { recreate } from "./recreate.js";
export { blueGreen, COLOUR_LABEL, type BlueGreenOptions, type Colour } from "./blue-green.js";
export { canary, canarySplit, TRACK_LABEL, type CanaryOptions, type CanaryIngressOptions } from "./canary.js";
export { nodePlacement, type NodePlacementOptions, type NodeCondition } from "./node-placement.js";
export { spreadReplicas, TOPOLOGY_KEYS, type SpreadOptions, type Topology } from "./spread.js";
export { antiAffinity, type AntiAffinityOptions } from "./anti-affinity.js";
