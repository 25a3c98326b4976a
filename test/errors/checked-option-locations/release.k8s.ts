import { allowFrom, blueGreen, ingress, instanceDownAlert, leaderElection, prometheusScrape, release, service, traefikAnnotations, worker } from "tkc";

// Checks that stop one pattern (its other options cannot be read on) still point at the option
// that is wrong, not at the pattern's call: each mistake here is in a component of its own.
const ports = [
  { name: "http", containerPort: 8080 },
  { name: "metrics", containerPort: 9090 },
];

const checkout = blueGreen({
  name: "checkout",
  blue: "registry.example.com/shop/checkout:2.4.0",
  green: "registry.example.com/shop/checkout:2.5.0",
  active: "purple" as never,
  port: { name: "http", containerPort: 8080 },
});

const scraped = service({
  name: "scraped",
  image: "registry.example.com/shop/scraped:1.0.0",
  ports,
  patterns: [prometheusScrape({ port: "metrics", path: "metrics" })],
});

const alerted = service({
  name: "alerted",
  image: "registry.example.com/shop/alerted:1.0.0",
  ports,
  patterns: [instanceDownAlert({ severity: "Critical", labels: { release: "prom" } })],
});

const slow = service({
  name: "slow",
  image: "registry.example.com/shop/slow:1.0.0",
  ports,
  patterns: [instanceDownAlert({ for: "ten minutes", labels: { release: "prom" } })],
});

const elected = worker({
  name: "elected",
  image: "registry.example.com/shop/elected:1.0.0",
  env: { APP_LEASE: "mine" },
  patterns: [leaderElection({ lease: "elected-leader", env: { lease: "APP_LEASE" } })],
});

const guarded = service({
  name: "guarded",
  image: "registry.example.com/shop/guarded:1.0.0",
  ports,
  patterns: [allowFrom({ workloads: ["scraped"], ports: ["http", "grpc"] })],
});

const entry = ingress({
  name: "entry",
  className: "traefik",
  routes: [{ host: "shop.example.com", service: "guarded", port: "http" }],
  annotations: traefikAnnotations({ middlewares: ["shop-auth@kubernetescrd", "Shop_Auth"] }),
});

export default release({
  name: "checked",
  version: "1.0.0",
  environments: { dev: { namespace: "checked" } },
  components: [checkout, scraped, alerted, slow, elected, guarded, entry],
});
