import { disruptionBudget, healthProbes, httpProbe, release, service } from "tkc";

// Three independent mistakes, in three stdlib calls: all three are reported in one run, each at
// its own line (the port clash at the call, the probe and the budget when the workload expands).
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  replicas: 1,
  port: { name: "http", containerPort: 8080 },
  patterns: [
    healthProbes({ readiness: httpProbe("/ready", "htp") }),
    disruptionBudget({ minAvailable: 1 }),
  ],
});

const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  ports: [{ name: "http", containerPort: 8080 }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" }, prod: { namespace: "case-prod" } }, components: [api, web] });
