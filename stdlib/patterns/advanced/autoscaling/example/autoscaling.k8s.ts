import { autoscale, perEnv, release, service, worker } from "tkc";

// The storefront API scales on CPU and memory; the order consumer scales on its queue length,
// published by an external metrics adapter (e.g. prometheus-adapter). The autoscaler owns the
// replica count, so the workloads set no `replicas`.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  readiness: { httpGet: { path: "/healthz/ready", port: "http" } },
  patterns: [
    autoscale({
      min: perEnv({ dev: 1, prod: 3 }),
      max: perEnv({ dev: 2, prod: 12 }),
      cpu: 70,
      memory: 80,
      behavior: { scaleDown: { stabilizationWindowSeconds: perEnv({ dev: 60, prod: 300 }) } },
    }),
  ],
});

const orders = worker({
  name: "orders-worker",
  image: "registry.example.com/shop/worker:2.4.0",
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
  patterns: [
    autoscale({
      min: 1,
      max: perEnv({ dev: 2, prod: 20 }),
      metrics: [
        {
          type: "External",
          external: {
            metric: { name: "redis_list_length", selector: { matchLabels: { list: "orders" } } },
            target: { type: "AverageValue", averageValue: "30" },
          },
        },
      ],
    }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, orders],
});
