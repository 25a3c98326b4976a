import { ingress, release, service } from "tkc";

const web = service({ name: "web", image: "registry.example.com/web:1.0.0", port: { name: "http", containerPort: 8080 } });
const api = service({ name: "api", image: "registry.example.com/api:1.0.0", port: { name: "http", containerPort: 8080 } });

// Two routes share a host (one rule), so the third route is rules[1].paths[0]: the error points
// at its own line, not at routes[1].
const entry = ingress({
  name: "shop",
  routes: [
    { host: "shop.example.com", path: "/", service: "web", port: "http" },
    { host: "shop.example.com", path: "/api", service: "api", port: "http" },
    { host: "api.example.com", path: "/", service: "api", port: "grpc" },
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [web, api, entry] });
