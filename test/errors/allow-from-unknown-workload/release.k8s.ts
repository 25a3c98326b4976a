import { allowFrom, defaultDeny, disruptionBudget, release, service } from "tkc";

const web = service({ name: "web", image: "registry.example.com/web:1.0.0", port: { name: "http", containerPort: 8080 } });

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  replicas: 2,
  port: { name: "http", containerPort: 8080 },
  patterns: [allowFrom({ workloads: ["webb"], ports: ["http"] }), disruptionBudget({ minAvailable: 1 })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [defaultDeny(), web, api] });
