import { autoscale, perEnv, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: { limits: { memory: "512Mi" } },
  patterns: [autoscale({ min: 2, max: perEnv({ dev: 3, prod: 10 }) })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [api] });
