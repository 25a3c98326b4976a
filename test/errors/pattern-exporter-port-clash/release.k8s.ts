import { exporter, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 9100 },
  patterns: [exporter({ image: "registry.example.com/exporter:1.0.0", port: 9100 })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
