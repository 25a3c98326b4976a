import { allowFrom, execProbe, healthProbes, perEnv, secretRef, statefulService, tcpProbe } from "tkc";

// The shop's database. The official image starts as root to fix volume permissions, so it runs
// without the restricted security profile; its data lives on a per-replica volume.
export default statefulService({
  name: "postgres",
  image: "postgres:16.4",
  port: { name: "postgres", containerPort: 5432 },
  env: {
    POSTGRES_DB: "shop",
    POSTGRES_USER: "shop",
    POSTGRES_PASSWORD: secretRef("shop-db", "password"),
    PGDATA: "/var/lib/postgresql/data/pgdata",
  },
  storage: [{ name: "data", mountPath: "/var/lib/postgresql/data", size: perEnv({ dev: "5Gi", staging: "20Gi", prod: "100Gi" }) }],
  resources: perEnv({
    dev: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    default: { requests: { cpu: "2", memory: "4Gi" }, limits: { memory: "4Gi" } },
  }),
  security: "none",
  patterns: [
    healthProbes({ readiness: execProbe(["pg_isready", "-U", "shop"], { periodSeconds: 10 }), liveness: tcpProbe("postgres"), startupSeconds: 120 }),
    allowFrom({ workloads: ["api", "orders-worker", "nightly-cleanup"], ports: ["postgres"] }),
  ],
});
