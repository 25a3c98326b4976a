import { canary, healthProbes, httpProbe, perEnv, release, sized } from "tkc";

// Canary by replica split: `search` selects both tracks, so about `weight` percent of requests
// reach the canary (here 1 of 10 pods in prod; in dev the canary is off).
const search = canary({
  name: "search",
  image: "registry.example.com/shop/search:4.2.0",
  canaryImage: "registry.example.com/shop/search:4.3.0-rc.1",
  weight: perEnv({ dev: 0, prod: 10 }),
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 2, prod: 10 }),
  resources: sized("small"),
  patterns: [healthProbes({ readiness: httpProbe("/healthz", "http") })],
});

// Canary by ingress-nginx: the weight is exact whatever the replica counts.
const storefront = canary({
  name: "storefront",
  image: "registry.example.com/shop/storefront:7.0.1",
  canaryImage: "registry.example.com/shop/storefront:7.1.0",
  weight: perEnv({ dev: 50, prod: 5 }),
  port: { name: "http", containerPort: 8080 },
  replicas: perEnv({ dev: 1, prod: 6 }),
  resources: sized("small"),
  nginx: {
    host: perEnv({ dev: "shop.dev.example.com", prod: "shop.example.com" }),
    className: "nginx",
    tlsSecretName: "shop-tls",
  },
});

export default release({
  name: "canary",
  version: "4.3.0",
  environments: { dev: { namespace: "canary-dev" }, prod: { namespace: "canary-prod" } },
  components: [search, storefront],
});
