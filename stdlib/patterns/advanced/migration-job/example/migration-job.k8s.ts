import { migrationJob, perEnv, release, secretRef, service, worker } from "tkc";

// Before each release's API pods start, the schema is migrated with the same image, env and
// security settings (an Argo CD PreSync hook, also a Helm pre-install/pre-upgrade hook). The
// Job's name carries a hash of its spec, so a new image tag runs a new migration, and
// re-applying the same release runs nothing. The search indexer's reindex is an ordinary
// object in Argo CD sync wave -1 instead, so it stays visible in the app's tree.
const image = "registry.example.com/shop/api:2.4.0";
const env = {
  DATABASE_HOST: "postgres",
  DATABASE_NAME: "shop",
  DATABASE_PASSWORD: secretRef("shop-db", "password"),
};

const api = service({
  name: "api",
  image,
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 4 }),
  env,
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  writablePaths: ["/tmp"],
  patterns: [
    migrationJob({
      command: ["/app/bin/migrate"],
      args: perEnv({ dev: ["up", "--lock-timeout", "10s"], prod: ["up", "--lock-timeout", "60s"] }),
      activeDeadlineSeconds: perEnv({ dev: 300, prod: 1800 }),
    }),
  ],
});

const indexer = worker({
  name: "search-indexer",
  image: "registry.example.com/shop/indexer:2.4.0",
  env,
  patterns: [migrationJob({ command: ["/app/bin/reindex", "--if-schema-changed"], ordering: "wave" })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, indexer],
});
