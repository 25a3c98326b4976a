import { gracefulShutdown, lifecycleHooks, release, service, serviceMonitor } from "tkc";

// Each bad option of a lifecycle or monitoring pattern is its own error, in one run: a bad
// drain time does not hide the empty drain command, a bad path does not hide a bad interval;
// each is reported at the option that holds it.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    gracefulShutdown({ drainSeconds: -1, drainCommand: [] }),
    serviceMonitor({ port: "http", path: "metrics", interval: "30 s" }),
  ],
});

const worker = service({
  name: "worker",
  image: "registry.example.com/worker:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [lifecycleHooks({ preStop: { exec: { command: [] }, httpGet: { port: "admin", path: "/drain" } } })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [api, worker] });
