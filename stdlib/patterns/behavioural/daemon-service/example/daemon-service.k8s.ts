import { daemon, hostPathVolumes, nodePlacement, perEnv, release, sized } from "tkc";

// Daemon service: one log shipper per node, reading the node's container logs. It tolerates
// every taint so tainted pools (GPU, system) ship their logs too, and runs with high priority so
// it is not what gets evicted.
const logs = daemon({
  name: "log-shipper",
  image: "fluent/fluent-bit:3.2.4",
  port: { name: "metrics", containerPort: 2020 },
  args: ["--config=/fluent-bit/etc/fluent-bit.yaml"],
  env: { LOG_LEVEL: perEnv({ dev: "debug", prod: "info" }) },
  resources: sized(perEnv({ dev: "xsmall", prod: "small" })),
  // Reading other pods' log files needs root on the node: no restricted profile here.
  security: "none",
  updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: perEnv({ dev: "50%", prod: "10%" }) } },
  patterns: [
    hostPathVolumes([
      { name: "varlog", hostPath: "/var/log" },
      // Read offsets survive restarts, so no log line is shipped twice.
      { name: "offsets", hostPath: "/var/lib/fluent-bit", type: "DirectoryOrCreate", readOnly: false },
    ]),
    nodePlacement({ tolerations: [{ operator: "Exists" }] }),
  ],
  pod: { priorityClassName: "system-node-critical" },
});

export default release({
  name: "daemon",
  version: "3.2.4",
  environments: {
    dev: { namespace: "logging-dev", namespaceLabels: { "pod-security.kubernetes.io/enforce": "privileged" } },
    prod: { namespace: "logging", namespaceLabels: { "pod-security.kubernetes.io/enforce": "privileged" } },
  },
  components: [logs],
});
