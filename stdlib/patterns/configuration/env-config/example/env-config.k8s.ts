import { envFrom, perEnv, release, secretRef, service } from "tkc";

// Settings as env vars: typed literals per environment in the descriptor, plus whole
// ConfigMaps and Secrets that other teams own (the platform's shared settings and the
// credentials the secret operator keeps current), imported key by key with envFrom.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  env: {
    LOG_LEVEL: perEnv({ dev: "debug", prod: "info" }),
    FEATURE_NEW_CHECKOUT: perEnv({ dev: true, prod: false }),
    MAX_CART_ITEMS: 200,
    STRIPE_KEY: secretRef("stripe", "secret-key"),
  },
  patterns: [
    envFrom({
      configMaps: ["platform-settings", { name: "shop-feature-flags", optional: true }],
      secrets: [{ name: "shop-db", prefix: "DB_" }],
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
  components: [api],
});
