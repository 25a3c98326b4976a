import { autoscale, disruptionBudget, perEnv, release, service, statefulService } from "tkc";

// The API may lose a quarter of its pods to a node drain; the three-node etcd-style quorum
// store keeps two of three members up. In dev, with a single pod, the API's budget still lets
// drains proceed (maxUnavailable scales with the replica count, minAvailable would block).
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m", memory: "256Mi" } },
  patterns: [
    autoscale({ min: perEnv({ dev: 1, prod: 4 }), max: perEnv({ dev: 2, prod: 16 }) }),
    disruptionBudget({ maxUnavailable: perEnv({ dev: 1, prod: "25%" }) }),
  ],
});

const quorum = statefulService({
  name: "quorum",
  image: "registry.example.com/platform/quorum:3.5.17",
  port: { name: "peer", containerPort: 2380 },
  replicas: 3,
  storage: [{ name: "data", mountPath: "/var/lib/quorum", size: perEnv({ dev: "1Gi", prod: "20Gi" }) }],
  patterns: [disruptionBudget({ minAvailable: 2, unhealthyPodEvictionPolicy: "IfHealthyBudget" })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, quorum],
});
