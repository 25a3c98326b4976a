import { antiAffinity, nodePlacement, perEnv, release, service, sized, spreadReplicas, worker } from "tkc";

// Automated placement: spread the API over zones and nodes, keep two replicas off one node, and
// run the GPU worker on the tainted GPU pool.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 2, prod: 6 }),
  resources: sized("small"),
  patterns: [
    // Dev clusters have one zone: a required zone spread would leave pods Pending there.
    spreadReplicas({ across: ["zone", "node"], mode: perEnv({ dev: "preferred", prod: "required" }) }),
    antiAffinity({ per: "node" }),
  ],
});

const embeddings = worker({
  name: "embeddings",
  image: "registry.example.com/shop/embeddings:0.4.1",
  resources: { requests: { cpu: "2", memory: "8Gi", "nvidia.com/gpu": "1" }, limits: { memory: "8Gi", "nvidia.com/gpu": "1" } },
  patterns: [
    nodePlacement({
      nodeSelector: { "node.kubernetes.io/pool": "gpu" },
      preferNodes: perEnv({
        dev: [],
        prod: [{ weight: 50, match: [{ key: "node.kubernetes.io/instance-type", operator: "In", values: ["g6.xlarge", "g6.2xlarge"] }] }],
      }),
      tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
    }),
  ],
});

export default release({
  name: "placement",
  version: "2.4.0",
  environments: { dev: { namespace: "placement-dev" }, prod: { namespace: "placement-prod" } },
  components: [api, embeddings],
});
