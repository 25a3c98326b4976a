import { daemon, instanceDownAlert, perEnv, podMonitor, prometheusScrape, release, service, serviceMonitor } from "tkc";

// Metrics for the Prometheus Operator: the API is scraped through its Service (ServiceMonitor),
// the node agent, which has no Service, through its pods (PodMonitor). Both get an InstanceDown
// alert that pages in prod and only informs in dev. The legacy reporting service is still
// scraped by a plain Prometheus via the conventional prometheus.io/* annotations.
// Logs go to stdout/stderr (twelve-factor XI): nothing to configure here.
const monitoringLabels = { release: "kube-prometheus-stack" };
const severity = perEnv({ dev: "info", prod: "critical" });

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "metrics", containerPort: 9090 },
  ],
  patterns: [
    serviceMonitor({ port: "metrics", interval: perEnv({ dev: "60s", prod: "15s" }), labels: monitoringLabels }),
    instanceDownAlert({ severity, labels: monitoringLabels }),
  ],
});

const agent = daemon({
  name: "node-agent",
  image: "registry.example.com/platform/node-agent:0.9.3",
  port: { name: "metrics", containerPort: 9100 },
  patterns: [
    podMonitor({ port: "metrics", labels: monitoringLabels }),
    instanceDownAlert({ severity, for: "10m", labels: monitoringLabels }),
  ],
});

const reports = service({
  name: "reports",
  image: "registry.example.com/shop/reports:1.8.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "metrics", containerPort: 9102 },
  ],
  patterns: [prometheusScrape({ port: "metrics", path: "/internal/metrics" })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, agent, reports],
});
