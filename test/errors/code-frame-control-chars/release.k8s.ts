import { release, service } from "tkc";

// The image below holds terminal escapes (erase line, set the window title) in the source itself.
const api = service({
  name: "api", image: "[2K]0;pwnedregistry.example.com/api:1.0.0", replicas: "3",
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
