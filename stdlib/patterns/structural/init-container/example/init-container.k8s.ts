import { perEnv, release, runBefore, secretRef, service, waitFor } from "tkc";

// The API starts only once its database accepts connections, then runs its schema migrations
// with the same image, tag and env as the app (so migrations always match the code).
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  env: {
    DATABASE_HOST: perEnv({ dev: "postgres", prod: "postgres.shop-data" }),
    DATABASE_PASSWORD: secretRef("shop-db", "password"),
  },
  resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  patterns: [
    waitFor(perEnv({ dev: "postgres", prod: "postgres.shop-data" }), 5432, { timeoutSeconds: 300 }),
    runBefore({ name: "migrate", command: ["/app/bin/migrate", "up"] }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api],
});
