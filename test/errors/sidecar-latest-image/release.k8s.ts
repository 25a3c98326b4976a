import { release, service, sidecar } from "tkc";

// The sidecar's image is reported where the sidecar sets it, not at the service() call.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [
    sidecar({
      name: "cache",
      image: "redis:latest",
      volumes: [{ name: "cache", mountPath: "/data" }],
    }),
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
