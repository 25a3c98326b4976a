import { expose, headless, perEnv, release, service } from "tkc";

// The storefront is reached through a fixed NodePort on the dev cluster (no cloud load
// balancer there) and through a cloud network load balancer in prod, open only to the CDN's
// address ranges and keeping client source IPs.
const web = service({
  name: "web",
  image: "registry.example.com/shop/web:3.1.0",
  port: { name: "http", containerPort: 8080, servicePort: 80 },
  replicas: perEnv({ dev: 1, prod: 3 }),
  patterns: [
    expose(
      perEnv({
        dev: { type: "NodePort", nodePorts: { http: 30080 } },
        prod: {
          type: "LoadBalancer",
          externalTrafficPolicy: "Local",
          sourceRanges: ["203.0.113.0/24", "198.51.100.0/24"],
          annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" },
        },
      }),
    ),
  ],
});

// gRPC clients balance across pods themselves: a headless Service gives them every pod's IP.
const pricing = service({
  name: "pricing",
  image: "registry.example.com/shop/pricing:1.8.2",
  port: { name: "grpc", containerPort: 9090 },
  replicas: perEnv({ dev: 1, prod: 4 }),
  patterns: [headless()],
});

export default release({
  name: "shop",
  version: "3.1.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [web, pricing],
});
