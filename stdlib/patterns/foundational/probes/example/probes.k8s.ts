import { grpcProbe, healthProbes, httpProbe, release, service, sized, tcpProbe } from "tkc";

// Health probes: readiness takes a pod out of the Service while it cannot serve; liveness
// restarts it when it hangs; the startup probe (derived from liveness) gives a slow start
// up to startupSeconds before liveness counts, instead of a large initialDelaySeconds.
const api = service({
  name: "api",
  image: "registry.example.com/shop/api:2.4.0",
  ports: [
    { name: "http", containerPort: 8080 },
    { name: "admin", containerPort: 9090 },
  ],
  replicas: 2,
  resources: sized("small"),
  patterns: [
    healthProbes({
      readiness: httpProbe("/healthz/ready", "http"),
      liveness: httpProbe("/healthz/live", "admin", { periodSeconds: 15 }),
      startupSeconds: 120,
    }),
  ],
});

// A gRPC service: the probe names the port, tkc writes its number (gRPC probes take numbers only).
const pricing = service({
  name: "pricing",
  image: "registry.example.com/shop/pricing:1.8.2",
  port: { name: "grpc", containerPort: 50051 },
  resources: sized("small"),
  patterns: [healthProbes({ readiness: grpcProbe("grpc"), liveness: grpcProbe("grpc", { service: "liveness" }) })],
});

// A cache that only speaks TCP.
const cache = service({
  name: "cache",
  image: "memcached:1.6.32",
  port: { name: "memcache", containerPort: 11211 },
  resources: sized("xsmall"),
  patterns: [healthProbes({ readiness: tcpProbe("memcache"), liveness: tcpProbe("memcache") })],
});

export default release({
  name: "probes",
  version: "2.4.0",
  environments: { dev: { namespace: "probes-dev" }, prod: { namespace: "probes-prod" } },
  components: [api, pricing, cache],
});
