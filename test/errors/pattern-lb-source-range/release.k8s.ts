import { loadBalancer, release, service } from "tkc";

const web = service({
  name: "web",
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  patterns: [loadBalancer({ sourceRanges: ["203.0.113.0"] })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [web] });
