// Patterns of this family are exported here (see docs/patterns.md).
export { autoscale, type AutoscaleOptions } from "./autoscale.js";
export { disruptionBudget, type DisruptionBudgetOptions, type PodBudget } from "./disruption-budget.js";
export { prometheusScrape, type PrometheusScrapeOptions } from "./prometheus-scrape.js";
export { serviceAccount, type ServiceAccountOptions } from "./service-account.js";
export { role, clusterRole, type RoleOptions, type AccessRule } from "./role.js";
export { defaultDeny, type DefaultDenyOptions } from "./default-deny.js";
export { allowFrom, type AllowFromOptions } from "./allow-from.js";
export { allowTo, type AllowToOptions } from "./allow-to.js";
export { relaxSecurity, type RelaxSecurityOptions } from "./relax-security.js";
export { podSecurity, type PodSecurityLevel, type PodSecurityOptions } from "./pod-security.js";
export { migrationJob, type MigrationJobOptions, type MigrationOrdering } from "./migration-job.js";
export { verticalAutoscale, type VerticalAutoscaleOptions, type VerticalUpdateMode, type ContainerPolicy, type ResourceBounds } from "./vertical-autoscale.js";
export { kedaScaling, type KedaScalingOptions, type KedaTrigger } from "./keda-scaling.js";
export { serviceMonitor, type ServiceMonitorOptions } from "./service-monitor.js";
export { podMonitor, type PodMonitorOptions } from "./pod-monitor.js";
export { instanceDownAlert, type InstanceDownAlertOptions } from "./instance-down-alert.js";
