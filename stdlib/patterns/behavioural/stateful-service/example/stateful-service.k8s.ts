import { healthProbes, perEnv, release, secretRef, sized, statefulService, tcpProbe } from "tkc";

// Stateful service: a three-node Kafka-compatible broker (Redpanda). Brokers find each other by
// their stable DNS names (redpanda-0.redpanda, ...), keep their data on their own volumes, and
// may start in parallel because the cluster forms from a seed list, not in order.
const broker = statefulService({
  name: "redpanda",
  image: "docker.redpanda.com/redpandadata/redpanda:v24.2.7",
  ports: [
    { name: "kafka", containerPort: 9092 },
    { name: "admin", containerPort: 9644 },
    { name: "rpc", containerPort: 33145 },
  ],
  replicas: perEnv({ dev: 1, prod: 3 }),
  podManagementPolicy: "Parallel",
  storage: [{ name: "data", mountPath: "/var/lib/redpanda/data", size: perEnv({ dev: "10Gi", prod: "500Gi" }), storageClassName: perEnv({ dev: "standard", prod: "fast-ssd" }) }],
  // Scaling down keeps the volume (a broker coming back finds its data); deleting the release in
  // dev removes the volumes too.
  volumeRetention: { whenScaled: "Retain", whenDeleted: perEnv({ dev: "Delete", prod: "Retain" }) },
  env: { REDPANDA_SUPERUSER_PASSWORD: secretRef("redpanda-admin", "password") },
  resources: sized(perEnv({ dev: "medium", prod: "2xlarge" }), { guaranteed: true }),
  patterns: [healthProbes({ readiness: tcpProbe("kafka"), liveness: tcpProbe("admin"), startupSeconds: 300 })],
});

// In-order start for a primary/replica database: replica 0 is initialised before the others.
const postgres = statefulService({
  name: "postgres",
  image: "postgres:16.4",
  port: { name: "postgres", containerPort: 5432 },
  replicas: perEnv({ dev: 1, prod: 2 }),
  podManagementPolicy: "OrderedReady",
  storage: [{ name: "data", mountPath: "/var/lib/postgresql/data", size: perEnv({ dev: "5Gi", prod: "100Gi" }) }],
  env: { PGDATA: "/var/lib/postgresql/data/pgdata", POSTGRES_PASSWORD: secretRef("shop-db", "password") },
  resources: sized(perEnv({ dev: "small", prod: "xlarge" })),
  // The official image starts as root to fix volume permissions.
  security: "none",
});

export default release({
  name: "stateful",
  version: "24.2.7",
  environments: { dev: { namespace: "stateful-dev" }, prod: { namespace: "stateful-prod" } },
  components: [broker, postgres],
});
