import { ingress, nginxAnnotations, perEnv, release, service, traefikAnnotations } from "tkc";

const host = perEnv({ dev: "shop.dev.example.com", prod: "shop.example.com" });
const adminHost = perEnv({ dev: "admin.shop.dev.example.com", prod: "admin.shop.example.com" });

const web = service({ name: "web", image: "registry.example.com/shop/web:3.1.0", port: { name: "http", containerPort: 8080 } });
const api = service({ name: "api", image: "registry.example.com/shop/api:2.4.0", port: { name: "http", containerPort: 8080 } });
const admin = service({ name: "admin", image: "registry.example.com/shop/admin:1.2.0", port: { name: "http", containerPort: 3000 } });

// Public traffic through ingress-nginx: the storefront at /, the API under /api, with TLS and
// larger request bodies for image uploads.
const publicEntry = ingress({
  name: "shop",
  className: "nginx",
  routes: [
    { host, path: "/", service: "web", port: "http" },
    { host, path: "/api", service: "api", port: "http" },
  ],
  tls: [{ hosts: [host], secretName: "shop-tls" }],
  annotations: nginxAnnotations({ proxyBodySize: "16m", proxyReadTimeoutSeconds: 120 }),
});

// The back office through Traefik, behind its IP allow-list and basic-auth middlewares.
const adminEntry = ingress({
  name: "admin",
  className: "traefik",
  routes: [{ host: adminHost, service: "admin", port: "http" }],
  tls: [{ hosts: [adminHost], secretName: "admin-tls" }],
  annotations: perEnv({
    dev: traefikAnnotations({ entryPoints: ["websecure"], tls: true }),
    prod: traefikAnnotations({ entryPoints: ["websecure"], tls: true, middlewares: ["shop-prod-office-ips@kubernetescrd", "shop-prod-admin-auth@kubernetescrd"] }),
  }),
});

export default release({
  name: "shop",
  version: "3.1.0",
  environments: {
    dev: { namespace: "shop-dev" },
    prod: { namespace: "shop-prod" },
  },
  components: [web, api, admin, publicEntry, adminEntry],
});
