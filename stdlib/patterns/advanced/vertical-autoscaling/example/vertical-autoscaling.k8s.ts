import { autoscale, perEnv, release, service, statefulService, verticalAutoscale } from "tkc";

// Right-sizing. The search index is a single stateful pod that cannot scale out, so the VPA
// sets its requests, resizing in place where the cluster supports it, within what a node
// offers. The API scales out on CPU with an HPA, so its VPA manages memory only; in dev it
// merely records recommendations.
const search = statefulService({
  name: "search",
  image: "registry.example.com/shop/search:8.15.3",
  port: { name: "http", containerPort: 9200 },
  resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
  storage: [{ name: "data", mountPath: "/var/lib/search", size: perEnv({ dev: "5Gi", prod: "100Gi" }) }],
  patterns: [
    verticalAutoscale({
      updateMode: perEnv({ dev: "Off", prod: "InPlaceOrRecreate" }),
      minAllowed: { cpu: "250m", memory: "1Gi" },
      maxAllowed: perEnv({ dev: { cpu: "1", memory: "4Gi" }, prod: { cpu: "4", memory: "16Gi" } }),
    }),
  ],
});

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m", memory: "256Mi" } },
  patterns: [
    autoscale({ min: perEnv({ dev: 1, prod: 3 }), max: perEnv({ dev: 2, prod: 10 }), cpu: 70 }),
    verticalAutoscale({
      updateMode: perEnv({ dev: "Off", prod: "Initial" }),
      controlledResources: ["memory"],
      minAllowed: { memory: "128Mi" },
      maxAllowed: { memory: "2Gi" },
    }),
  ],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [search, api],
});
