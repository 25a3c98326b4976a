import { release, service } from "tkc";

const suffix = Math.random().toString(36).slice(2, 7);

const api = service({
  name: `api-${suffix}`,
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
