import { perEnv, release, rollingUpdate, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [rollingUpdate({ maxSurge: perEnv({ dev: 1, prod: 0 }), maxUnavailable: 0 })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [api] });
