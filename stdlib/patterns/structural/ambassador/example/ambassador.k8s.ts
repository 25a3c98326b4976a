import { ambassador, perEnv, release, secretRef, service } from "tkc";

// The reporting app always talks to localhost:15432; the envoy ambassador beside it forwards
// to the in-cluster database in dev and to the managed database in prod.
const reports = service({
  name: "reports",
  image: "registry.example.com/shop/reports:4.0.2",
  port: { name: "http", containerPort: 8080 },
  env: { DATABASE_PASSWORD: secretRef("reports-db", "password") },
  patterns: [
    ambassador({
      name: "db-proxy",
      target: perEnv({ dev: "postgres.shop-dev.svc.cluster.local:5432", prod: "reports.cluster-abc123.eu-west-1.rds.amazonaws.com:5432" }),
      listen: 15432,
      envVar: "DATABASE_ADDR",
    }),
  ],
});

export default release({
  name: "shop",
  version: "4.0.2",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [reports],
});
