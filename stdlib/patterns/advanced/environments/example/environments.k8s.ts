import {
  allowFrom,
  autoscale,
  defaultDeny,
  disruptionBudget,
  limitRange,
  migrationJob,
  perEnv,
  podSecurity,
  prometheusScrape,
  release,
  resourceQuota,
  secretRef,
  service,
  serviceAccount,
} from "tkc";

// Dev, staging and prod from one description: the same objects in every environment (parity),
// with only sizes and strictness chosen per environment. Each environment gets its own namespace
// with Pod Security Admission labels, a quota and default container limits; dev is small and
// warns where prod enforces.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "metrics", containerPort: 9090 },
  ],
  env: {
    LOG_LEVEL: perEnv({ dev: "debug", default: "info" }),
    DATABASE_HOST: "postgres",
    DATABASE_PASSWORD: secretRef("shop-db", "password"),
  },
  resources: perEnv({
    dev: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
    default: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } },
  }),
  readiness: { httpGet: { path: "/healthz/ready", port: "http" } },
  patterns: [
    serviceAccount(),
    autoscale({ min: perEnv({ dev: 1, staging: 2, prod: 3 }), max: perEnv({ dev: 2, staging: 4, prod: 12 }), cpu: 70 }),
    disruptionBudget({ maxUnavailable: 1 }),
    prometheusScrape({ port: "metrics" }),
    allowFrom({ namespaces: ["ingress-nginx"], ports: ["http"] }),
    allowFrom({ namespaces: ["monitoring"], ports: ["metrics"] }),
    migrationJob({ command: ["/app/bin/migrate", "up"] }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev", namespaceLabels: podSecurity("baseline", { warn: "restricted" }) },
    staging: { namespace: "shop-staging", namespaceLabels: podSecurity("restricted") },
    prod: { namespace: "shop-prod", namespaceLabels: podSecurity("restricted", { version: "v1.33" }) },
  },
  components: [
    resourceQuota({
      hard: perEnv({
        dev: { "requests.cpu": "2", "requests.memory": "4Gi", pods: 20 },
        staging: { "requests.cpu": "4", "requests.memory": "8Gi", pods: 40 },
        prod: { "requests.cpu": "16", "requests.memory": "32Gi", pods: 100 },
      }),
    }),
    limitRange({
      container: perEnv({
        dev: { defaultRequest: { cpu: "50m", memory: "64Mi" }, default: { memory: "256Mi" } },
        default: { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { memory: "512Mi" } },
      }),
    }),
    defaultDeny(),
    api,
  ],
});
