import { defaultDeny, limitRange, perEnv, podSecurity, release, resourceQuota } from "tkc";
import api from "./api.k8s.js";
import web from "./web.k8s.js";
import worker from "./worker.k8s.js";
import postgres from "./postgres.k8s.js";
import redis from "./redis.k8s.js";
import cleanup from "./cleanup.k8s.js";
import shopIngress from "./ingress.k8s.js";

// Postgres needs root at start, so namespaces enforce "baseline" and warn about "restricted".
const namespaceLabels = podSecurity("baseline", { warn: "restricted" });

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev", namespaceLabels },
    staging: { namespace: "shop-staging", namespaceLabels },
    prod: { namespace: "shop-prod", namespaceLabels },
  },
  components: [
    resourceQuota({
      hard: perEnv({
        dev: { "requests.cpu": "4", "requests.memory": "8Gi", pods: 30 },
        staging: { "requests.cpu": "8", "requests.memory": "16Gi", pods: 50 },
        prod: { "requests.cpu": "48", "requests.memory": "96Gi", pods: 120 },
      }),
    }),
    limitRange({ container: { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { memory: "512Mi" } } }),
    defaultDeny(),
    postgres,
    redis,
    api,
    web,
    worker,
    cleanup,
    shopIngress,
  ],
});
