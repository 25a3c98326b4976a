import { execProbe, healthProbes, httpProbe, release, service } from "tkc";

// Two probe builders called wrongly at the top of the descriptor, outside any workload, and an
// unrelated mistake in another component: all three are reported in one run, each at its own
// call (the workload that holds the bad probes emits nothing and reports nothing more).
const readiness = httpProbe("ready", "http");
const liveness = execProbe([]);

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [healthProbes({ readiness, liveness })],
});

const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  ports: [{ name: "http", containerPort: 8080 }],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [api, web] });
