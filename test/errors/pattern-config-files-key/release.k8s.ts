import { configFiles, release, service } from "tkc";

const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [configFiles({ name: "api-config", mountPath: "/etc/api", files: { "conf/app.yaml": "port: 8080\n" } })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [api] });
