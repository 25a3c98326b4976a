import { ingress, perEnv } from "tkc";

const host = perEnv({ dev: "shop.dev.example.com", staging: "shop.staging.example.com", prod: "shop.example.com" });

// Public entry: the storefront at /, the API under /api.
export default ingress({
  name: "shop",
  className: "nginx",
  routes: [
    { host, path: "/", service: "web", port: "http" },
    { host, path: "/api", service: "api", port: "http" },
  ],
  tls: [{ hosts: [host], secretName: "shop-tls" }],
  annotations: { "nginx.ingress.kubernetes.io/proxy-body-size": "8m" },
});
