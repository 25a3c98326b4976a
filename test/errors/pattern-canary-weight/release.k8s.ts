import { canary, release } from "tkc";

const search = canary({
  name: "search",
  image: "registry.example.com/search:1.0.0",
  canaryImage: "registry.example.com/search:1.1.0",
  weight: 120,
  port: { name: "http", containerPort: 8080 },
  replicas: 4,
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [search] });
