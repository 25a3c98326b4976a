import { perEnv } from "tkc";

/** Labels the cluster's Prometheus Operator selects ServiceMonitors and rules by. */
export const monitoringLabels = { release: "kube-prometheus-stack" };

/** Pages in production, informs elsewhere. */
export const alertSeverity = perEnv({ prod: "critical", default: "info" });
