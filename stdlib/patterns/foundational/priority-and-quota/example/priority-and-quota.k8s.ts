import { limitRange, perEnv, priorityClass, release, resourceQuota, service, sized, worker } from "tkc";

// The platform side of predictable demands: what the namespace may use in total (quota), what a
// container gets when it declares nothing (limit range), and who goes first when the cluster is
// full (priority classes).
const critical = priorityClass({ name: "shop-critical", value: 100000, description: "Customer-facing request paths" });
const batch = priorityClass({ name: "shop-batch", value: 1000, preemptionPolicy: "Never", description: "Background work that waits rather than evicts" });

const quota = resourceQuota({
  hard: perEnv({
    dev: { "requests.cpu": "4", "requests.memory": "8Gi", "limits.memory": "8Gi", pods: 30 },
    prod: { "requests.cpu": "32", "requests.memory": "64Gi", "limits.memory": "64Gi", pods: 200 },
  }),
});

const defaults = limitRange({
  container: perEnv({
    dev: { defaultRequest: { cpu: "50m", memory: "64Mi" }, default: { memory: "256Mi" }, max: { memory: "2Gi" } },
    prod: { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { memory: "512Mi" }, max: { memory: "16Gi" } },
  }),
  persistentVolumeClaim: { max: { storage: "500Gi" } },
});

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 4 }),
  resources: sized("medium"),
  pod: { priorityClassName: critical.name },
});

const reports = worker({
  name: "reports",
  image: "registry.example.com/shop/reports:1.2.0",
  resources: sized("small"),
  pod: { priorityClassName: batch.name },
});

export default release({
  name: "quota",
  version: "2.4.0",
  environments: { dev: { namespace: "quota-dev" }, prod: { namespace: "quota-prod" } },
  components: [critical, batch, quota, defaults, api, reports],
});
