import { daemon, execProbe, healthProbes, hostPathVolumes, httpProbe, include, release, service, tcpProbe, verticalAutoscale, waitFor } from "tkc";

// Calls that take their values by position report each mistake at the argument (or the item,
// or the option inside it) that holds it, not at the call: one run shows every one at its line.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    waitFor("Postgres_DB", 70000, { timeoutSeconds: 0 }),
    healthProbes({
      readiness: httpProbe("healthz", "web", { periodSeconds: 0 }),
      liveness: tcpProbe(0, { failureThreshold: -2 }),
      startup: execProbe([], { timeoutSeconds: 1.5 }),
    }),
    verticalAutoscale({
      updateMode: "Sometimes" as never,
      minAllowed: { cpu: "two", memory: "1Gi" },
      maxAllowed: { memory: "512Mi" },
      containers: { proxy: { maxAllowed: { cpu: "-1" } } },
    }),
  ],
});

const agent = daemon({
  name: "agent",
  image: "registry.example.com/agent:1.0.0",
  security: "none",
  patterns: [
    hostPathVolumes([
      { name: "var_log", hostPath: "/var/log" },
      { name: "proc", hostPath: "proc" },
      { name: "proc", hostPath: "/proc", mountPath: "/host/../proc" },
    ]),
  ],
});

export default release({
  name: "positional",
  version: "1.0.0",
  environments: { dev: { namespace: "dev" } },
  components: [api, agent, include("")],
});
