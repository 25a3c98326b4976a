import { perEnv, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, stagign: 5, default: 10 }),
});

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case-dev" }, staging: { namespace: "case-staging" }, prod: { namespace: "case-prod" } },
  components: [api],
});
