import { disruptionBudget, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  replicas: 3,
  patterns: [disruptionBudget({ maxUnavailable: 0 })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
