import { input, release, service } from "tkc";

// The value is typed where it is read: a string input is not a replica count.
const replicas = input("replicas", { type: "string", default: "2" });
const level = input("logLevel", { type: ["debug", "info"], default: "warn" });

export default release({
  name: "shop",
  version: "1.0.0",
  environments: { dev: { namespace: "shop-dev" } },
  components: [service({ name: "api", image: "shop/api:2.4.0", port: { name: "http", containerPort: 8080 }, replicas, env: { LOG_LEVEL: level } })],
});
