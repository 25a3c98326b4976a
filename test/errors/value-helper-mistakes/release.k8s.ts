import { externalService, include, ingress, nginxAnnotations, patch, podSecurity, release, service, sized } from "tkc";

// Value helpers and component constructors called wrongly, each next to the others: every
// mistake is reported in one run, two bad options of one call as two errors, and a component
// that holds a rejected value (the api's resources, the ingress's annotations) reports nothing more.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: sized("huge" as "large"),
});

const edge = ingress({
  name: "edge",
  className: "nginx",
  annotations: nginxAnnotations({ proxyBodySize: "8Mi", proxyReadTimeoutSeconds: 0 }),
  routes: [{ host: "shop.example.com", service: "api", port: "http" }],
});

const db = externalService({ name: "Billing_DB", externalName: "10.0.0.5" });

const vendored = include("vendor/app.yaml", { patches: [patch("Deployment", "app" as never)] });

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case-dev", namespaceLabels: podSecurity("strict" as "restricted") } },
  components: [api, edge, db, vendored],
});
