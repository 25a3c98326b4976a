import { perEnv, secretRef, service } from "tkc";

// The shop's HTTP API: stateless, scaled per environment, reads its database password from a
// Secret that the platform team provisions (never from the bundle).
export default service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, staging: 2, prod: 4 }),
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
  readiness: { httpGet: { path: "/healthz/ready", port: "http" }, periodSeconds: 5 },
  liveness: { httpGet: { path: "/healthz/live", port: "http" }, initialDelaySeconds: 10 },
  // Typed escape hatch into the PodSpec.
  pod: { priorityClassName: perEnv({ prod: "shop-critical", default: "shop-standard" }), terminationGracePeriodSeconds: 30 },
});
