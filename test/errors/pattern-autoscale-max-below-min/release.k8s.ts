import { autoscale, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  resources: { requests: { cpu: "250m" } },
  patterns: [autoscale({ min: 4, max: 2 })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
