import { perEnv, release, service, sized, worker } from "tkc";

// Predictable demands: every container declares what it needs. Named sizes keep requests
// consistent across teams; explicit requests/limits remain possible where a size does not fit.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 4 }),
  // Small in dev, large in prod: the size itself is chosen per environment.
  resources: sized(perEnv({ dev: "small", prod: "large" })),
});

// Latency-critical: Guaranteed QoS (CPU limited to its request) so it can get pinned cores.
const pricing = service({
  name: "pricing",
  image: "registry.example.com/shop/pricing:1.8.2",
  port: { name: "http", containerPort: 8080 },
  resources: sized("medium", { guaranteed: true }),
});

// An odd shape that no size fits: explicit requests and limits, per environment.
const indexer = worker({
  name: "search-indexer",
  image: "registry.example.com/shop/indexer:0.9.4",
  resources: perEnv({
    dev: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } },
    prod: { requests: { cpu: "250m", memory: "3Gi" }, limits: { memory: "3Gi" } },
  }),
});

export default release({
  name: "resources",
  version: "2.4.0",
  environments: { dev: { namespace: "resources-dev" }, prod: { namespace: "resources-prod" } },
  components: [api, pricing, indexer],
});
