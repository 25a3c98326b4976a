import { autoscale, disruptionBudget, perEnv, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m" } },
  patterns: [
    autoscale({ min: perEnv({ dev: 1, prod: 3 }), max: 10 }),
    disruptionBudget({ minAvailable: 2 }),
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [api] });
