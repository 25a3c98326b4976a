import { exporter, perEnv, release, secretRef, statefulService } from "tkc";

// Postgres does not speak Prometheus: the postgres-exporter adapter next to it queries its
// statistics over localhost and serves them on a "metrics" port with the scrape annotations.
const postgres = statefulService({
  name: "postgres",
  image: "postgres:16.4",
  port: { name: "postgres", containerPort: 5432 },
  env: { POSTGRES_PASSWORD: secretRef("shop-db", "password"), PGDATA: "/var/lib/postgresql/data/pgdata" },
  storage: [{ name: "data", mountPath: "/var/lib/postgresql/data", size: perEnv({ dev: "5Gi", prod: "100Gi" }) }],
  // The official image starts as root to fix volume permissions.
  security: "none",
  patterns: [
    exporter({
      image: "quay.io/prometheuscommunity/postgres-exporter:v0.17.1",
      port: 9187,
      env: {
        DATA_SOURCE_URI: "localhost:5432/postgres?sslmode=disable",
        DATA_SOURCE_USER: "postgres",
        DATA_SOURCE_PASS: secretRef("shop-db", "password"),
      },
    }),
  ],
});

export default release({
  name: "shop",
  version: "16.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [postgres],
});
