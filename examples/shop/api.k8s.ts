import {
  allowFrom,
  autoscale,
  disruptionBudget,
  gracefulShutdown,
  healthProbes,
  httpProbe,
  instanceDownAlert,
  migrationJob,
  perEnv,
  secretRef,
  service,
  serviceAccount,
  serviceMonitor,
} from "tkc";
import { alertSeverity, monitoringLabels } from "./monitoring.js";

// The shop's HTTP API: stateless and autoscaled; its database password comes from a Secret the
// platform team provisions (never from the bundle); each release migrates the schema first.
export default service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "metrics", containerPort: 9090 },
  ],
  env: {
    LOG_LEVEL: perEnv({ dev: "debug", default: "info" }),
    DATABASE_HOST: "postgres",
    DATABASE_NAME: "shop",
    DATABASE_USER: "shop",
    DATABASE_PASSWORD: secretRef("shop-db", "password"),
    REDIS_URL: "redis://redis:6379/0",
  },
  resources: perEnv({
    dev: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
    default: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } },
  }),
  // Typed escape hatch into the PodSpec: priority classes are provisioned by the platform team.
  pod: { priorityClassName: perEnv({ prod: "shop-critical", default: "shop-standard" }) },
  patterns: [
    healthProbes({ readiness: httpProbe("/healthz/ready", "http"), liveness: httpProbe("/healthz/live", "http") }),
    gracefulShutdown({ drainSeconds: 5, terminationGracePeriodSeconds: 30 }),
    serviceAccount(),
    autoscale({ min: perEnv({ dev: 1, staging: 2, prod: 4 }), max: perEnv({ dev: 2, staging: 4, prod: 16 }), cpu: 70 }),
    disruptionBudget({ maxUnavailable: 1 }),
    serviceMonitor({ port: "metrics", labels: monitoringLabels }),
    instanceDownAlert({ severity: alertSeverity, labels: monitoringLabels }),
    allowFrom({ workloads: ["web"], ports: ["http"] }),
    allowFrom({ namespaces: ["ingress-nginx"], ports: ["http"] }),
    allowFrom({ namespaces: ["monitoring"], ports: ["metrics"] }),
    migrationJob({ command: ["/app/bin/migrate", "up"] }),
  ],
});
