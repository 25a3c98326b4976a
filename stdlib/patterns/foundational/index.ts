// Foundational patterns (docs/patterns.md): health probes, managed lifecycle,
// predictable demands, declarative deployment, automated placement.
export { httpProbe, tcpProbe, grpcProbe, execProbe, healthProbes, type HealthCheck, type HealthProbesOptions, type ProbeTiming } from "./probes/probes.js";
export { lifecycleHooks, type LifecycleHooksOptions } from "./lifecycle/lifecycle-hooks.js";
export { gracefulShutdown, type GracefulShutdownOptions } from "./lifecycle/graceful-shutdown.js";
export { sized, RESOURCE_SIZES, type ResourceSize, type SizedOptions } from "./resources/resources.js";
export { priorityClass, type PriorityClassOptions } from "./priority-and-quota/priority-class.js";
export { resourceQuota, type ResourceQuotaOptions, type QuotaLimits } from "./priority-and-quota/resource-quota.js";
export { limitRange, type LimitRangeOptions, type ContainerLimits } from "./priority-and-quota/limit-range.js";
export { rollingUpdate, type RollingUpdateOptions } from "./rolling-update/rolling-update.js";
export { recreate } from "./recreate/recreate.js";
export { blueGreen, COLOUR_LABEL, type BlueGreenOptions, type Colour } from "./blue-green/blue-green.js";
export { canary, canarySplit, TRACK_LABEL, type CanaryOptions, type CanaryIngressOptions } from "./canary/canary.js";
export { nodePlacement, type NodePlacementOptions, type NodeCondition } from "./placement/node-placement.js";
export { spreadReplicas, TOPOLOGY_KEYS, type SpreadOptions, type Topology } from "./placement/spread.js";
export { antiAffinity, type AntiAffinityOptions } from "./placement/anti-affinity.js";
