import { allowFrom, healthProbes, perEnv, service, tcpProbe } from "tkc";

// Cache and job queue. Data is disposable (the queue is rebuilt from the database on loss).
export default service({
  name: "redis",
  image: "redis:7.4.1-alpine",
  port: { name: "redis", containerPort: 6379 },
  args: ["--save", "", "--appendonly", "no"],
  resources: perEnv({
    dev: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
    default: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
  }),
  pod: { securityContext: { runAsUser: 999, runAsGroup: 999, fsGroup: 999 } },
  patterns: [
    healthProbes({ readiness: tcpProbe("redis"), liveness: tcpProbe("redis") }),
    allowFrom({ workloads: ["api", "orders-worker"], ports: ["redis"] }),
  ],
});
