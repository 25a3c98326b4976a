import { blueGreen, healthProbes, httpProbe, perEnv, release, sized } from "tkc";

// Blue-green: both versions run side by side; the Service `checkout` points at one colour and
// `checkout-preview` at the other. Dev has switched to green (2.5.0); prod still serves blue and
// keeps green at 0 replicas until it is promoted, by changing `active` alone.
const checkout = blueGreen({
  name: "checkout",
  blue: "registry.example.com/shop/checkout:2.4.0",
  green: "registry.example.com/shop/checkout:2.5.0",
  active: perEnv({ dev: "green", prod: "blue" }),
  port: { name: "http", containerPort: 8080, servicePort: 80 },
  replicas: perEnv({ dev: 1, prod: 4 }),
  inactiveReplicas: perEnv({ dev: 1, prod: 0 }),
  resources: sized("small"),
  patterns: [healthProbes({ readiness: httpProbe("/healthz", "http") })],
});

export default release({
  name: "bluegreen",
  version: "2.5.0",
  environments: { dev: { namespace: "bluegreen-dev" }, prod: { namespace: "bluegreen-prod" } },
  components: [checkout],
});
