// Patterns of this family are exported here (see docs/patterns.md).
export { autoscale, type AutoscaleOptions } from "./autoscaling/autoscaling.js";
export { disruptionBudget, type DisruptionBudgetOptions, type PodBudget } from "./disruption-budget/disruption-budget.js";
export { prometheusScrape, type PrometheusScrapeOptions } from "./observability/prometheus-scrape.js";
export { serviceAccount, type ServiceAccountOptions } from "./service-account/service-account.js";
export { role, clusterRole, type RoleOptions, type AccessRule } from "./rbac/rbac.js";
export { defaultDeny, type DefaultDenyOptions } from "./network-policy/default-deny.js";
export { allowFrom, type AllowFromOptions } from "./network-policy/allow-from.js";
export { allowTo, type AllowToOptions } from "./network-policy/allow-to.js";
export { relaxSecurity, type RelaxSecurityOptions } from "./security-defaults/security-defaults.js";
export { podSecurity, type PodSecurityLevel, type PodSecurityOptions } from "./pod-security/pod-security.js";
export { migrationJob, type MigrationJobOptions, type MigrationOrdering } from "./migration-job/migration-job.js";
export { verticalAutoscale, type VerticalAutoscaleOptions, type VerticalUpdateMode, type ContainerPolicy, type ResourceBounds } from "./vertical-autoscaling/vertical-autoscaling.js";
export { kedaScaling, type KedaScalingOptions, type KedaTrigger } from "./keda-scaling/keda-scaling.js";
export { serviceMonitor, type ServiceMonitorOptions } from "./observability/service-monitor.js";
export { podMonitor, type PodMonitorOptions } from "./observability/pod-monitor.js";
export { instanceDownAlert, type InstanceDownAlertOptions } from "./observability/instance-down-alert.js";
