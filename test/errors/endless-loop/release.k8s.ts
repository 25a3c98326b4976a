import { release, service } from "tkc";

let replicas = 1;
while (replicas > 0) {
  replicas = replicas + 1;
}

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  replicas,
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
