import { perEnv, recreate, release, service, sized } from "tkc";

// Recreate: the legacy app migrates its database schema on start and cannot run next to its
// previous version, so every old pod stops before a new one starts (a short outage per rollout).
const legacy = service({
  name: "inventory",
  image: "registry.example.com/shop/inventory:5.0.3",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 2 }),
  resources: sized("medium"),
  patterns: [recreate()],
});

export default release({
  name: "recreate",
  version: "5.0.3",
  environments: { dev: { namespace: "recreate-dev" }, prod: { namespace: "recreate-prod" } },
  components: [legacy],
});
