import { perEnv, relaxSecurity, release, service } from "tkc";

// Every workload runs under the restricted profile by default: non-root, no privilege
// escalation, read-only root filesystem, all capabilities dropped, RuntimeDefault seccomp.
// The API needs nothing more than a writable /tmp; the edge proxy binds port 443 directly,
// so it adds back exactly one capability and says why.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  port: { name: "http", containerPort: 8080 },
  writablePaths: ["/tmp"],
});

const edge = service({
  name: "edge",
  image: "registry.example.com/platform/edge-proxy:1.27.2",
  port: { name: "https", containerPort: 443 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  writablePaths: ["/var/cache/proxy", "/tmp"],
  patterns: [relaxSecurity({ reason: "binds port 443 without a NodePort or LoadBalancer in front", addCapabilities: ["NET_BIND_SERVICE"], runAsUser: 101 })],
});

export default release({
  name: "shop",
  version: "2.4.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [api, edge],
});
