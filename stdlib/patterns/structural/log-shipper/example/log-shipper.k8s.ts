import { logShipper, perEnv, release, service } from "tkc";

// A legacy billing app that can only log to files. fluent-bit tails them from a shared volume:
// to its own stdout in dev (read with kubectl logs), to the cluster's fluentd in prod.
const billing = service({
  name: "billing",
  image: "registry.example.com/shop/billing:7.2.1",
  port: { name: "http", containerPort: 8080 },
  env: { LOG_DIR: "/var/log/billing" },
  patterns: [
    logShipper({
      logPath: "/var/log/billing",
      json: true,
      output: perEnv({
        dev: { type: "stdout" },
        prod: { type: "forward", host: "fluentd.logging.svc.cluster.local" },
      }),
    }),
  ],
});

export default release({
  name: "shop",
  version: "7.2.1",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [billing],
});
