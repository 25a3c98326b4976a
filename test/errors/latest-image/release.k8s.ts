import { release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:latest",
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
