import { gracefulShutdown, lifecycleHooks, perEnv, release, service, sized, worker } from "tkc";

// Graceful shutdown: on termination the pod first keeps serving for drainSeconds while it is
// removed from Service endpoints and load balancers, then gets SIGTERM and the rest of the grace
// period to finish in-flight requests.
const web = service({
  name: "web",
  image: "registry.example.com/shop/web:3.1.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  resources: sized("small"),
  patterns: [gracefulShutdown({ drainSeconds: perEnv({ dev: 1, prod: 10 }), terminationGracePeriodSeconds: 45 })],
});

// A queue consumer: warm its cache after start, and hand unfinished work back before stopping.
const consumer = worker({
  name: "order-consumer",
  image: "registry.example.com/shop/consumer:3.1.0",
  resources: sized("small"),
  patterns: [
    lifecycleHooks({
      postStart: { exec: { command: ["/app/bin/warm-cache"] } },
      preStop: { exec: { command: ["/app/bin/requeue-in-flight", "--timeout=20s"] } },
    }),
  ],
  pod: { terminationGracePeriodSeconds: 30 },
});

export default release({
  name: "lifecycle",
  version: "3.1.0",
  environments: { dev: { namespace: "lifecycle-dev" }, prod: { namespace: "lifecycle-prod" } },
  components: [web, consumer],
});
