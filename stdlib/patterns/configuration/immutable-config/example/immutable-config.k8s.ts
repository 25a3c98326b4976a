import { configEnv, configFiles, perEnv, release, service } from "tkc";

// Immutable configuration: each ConfigMap is named after a hash of its content and marked
// immutable. Changing a value makes a new ConfigMap and a new pod template, so the pods roll
// (and roll back) with their configuration, and the kubelet does not watch it.
const gateway = service({
  name: "gateway",
  image: "registry.example.com/shop/gateway:5.0.1",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  patterns: [
    configFiles({
      name: "gateway-routes",
      immutable: true,
      mountPath: "/etc/gateway",
      files: {
        "routes.json": perEnv({
          dev: JSON.stringify({ routes: [{ prefix: "/api", upstream: "http://api:8080" }] }, null, 2),
          prod: JSON.stringify({ routes: [{ prefix: "/api", upstream: "http://api:8080" }, { prefix: "/search", upstream: "http://search:9200" }] }, null, 2),
        }),
      },
    }),
    configEnv({ name: "gateway-env", immutable: true, data: { RATE_LIMIT_RPS: perEnv({ dev: "1000", prod: "200" }) } }),
  ],
});

export default release({
  name: "shop",
  version: "5.0.1",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [gateway],
});
