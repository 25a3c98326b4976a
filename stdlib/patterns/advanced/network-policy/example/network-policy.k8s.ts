import { allowFrom, allowTo, defaultDeny, perEnv, release, service, worker } from "tkc";

// Zero-trust namespace: nothing gets in or out unless allowed. The ingress controller reaches
// the web frontend, the web frontend reaches the API, Prometheus (namespace `monitoring`)
// scrapes the API's metrics port, and the API reaches its managed database outside the cluster.
// Every pod may still resolve names through the cluster DNS.
const web = service({
  name: "web",
  image: "registry.example.com/shop/web:2.4.0",
  port: { name: "http", containerPort: 3000 },
  patterns: [allowFrom({ namespaces: ["ingress-nginx"] }), allowTo({ workloads: ["api"], ports: [8080] })],
});

const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "metrics", containerPort: 9090 },
  ],
  patterns: [
    allowFrom({ workloads: ["web", "orders-worker"], ports: ["http"] }),
    allowFrom({ namespaces: ["monitoring"], ports: ["metrics"] }),
    allowTo({ cidrs: perEnv({ dev: ["10.10.0.0/24"], prod: ["10.20.0.0/24"] }), ports: [5432] }),
  ],
});

const orders = worker({
  name: "orders-worker",
  image: "registry.example.com/shop/worker:2.4.0",
  patterns: [allowTo({ workloads: ["api"], ports: [8080] })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [defaultDeny({ egress: true }), web, api, orders],
});
