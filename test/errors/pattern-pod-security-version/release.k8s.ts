import { podSecurity, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
});

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case", namespaceLabels: podSecurity("restricted", { version: "1.33" }) } },
  components: [api],
});
