import { ingress, release } from "tkc";

const entry = ingress({
  name: "shop",
  routes: [
    { host: "shop.example.com", path: "/api", service: "api", port: "http" },
    { host: "shop.example.com", path: "/api", service: "api-v2", port: "http" },
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [entry] });
