import { execProbe, healthProbes, perEnv, secretRef, sized, worker } from "tkc";

// Background jobs: order emails and stock updates, pulled from the Redis queue.
export default worker({
  name: "orders-worker",
  image: "registry.example.com/shop/api:2.4.0",
  command: ["/app/bin/worker"],
  args: ["--queue", "orders", "--concurrency", "8"],
  replicas: perEnv({ dev: 1, staging: 1, prod: 3 }),
  env: {
    REDIS_URL: "redis://redis:6379/0",
    DATABASE_HOST: "postgres",
    DATABASE_PASSWORD: secretRef("shop-db", "password"),
  },
  resources: sized(perEnv({ dev: "small", default: "medium" })),
  patterns: [
    healthProbes({ liveness: execProbe(["/app/bin/worker", "--health"], { periodSeconds: 30 }) }),
  ],
  // A job in flight may take two minutes to finish before the pod is killed.
  pod: { terminationGracePeriodSeconds: 120 },
});
