import { ingress, nginxAnnotations, release } from "tkc";

const entry = ingress({
  name: "shop",
  className: "traefik",
  routes: [{ host: "shop.example.com", service: "web", port: "http" }],
  annotations: nginxAnnotations({ proxyBodySize: "8m" }),
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [entry] });
