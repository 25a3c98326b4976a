import { release } from "tkc";
import api from "./api.k8s.js";
import web from "./web.k8s.js";
import worker from "./worker.k8s.js";
import postgres from "./postgres.k8s.js";
import redis from "./redis.k8s.js";
import cleanup from "./cleanup.k8s.js";
import shopIngress from "./ingress.k8s.js";

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    staging: { namespace: "shop-staging" },
    prod: { namespace: "shop-prod", namespaceLabels: { "pod-security.kubernetes.io/enforce": "baseline" } },
  },
  components: [postgres, redis, api, web, worker, cleanup, shopIngress],
});
