import { relaxSecurity, release, service } from "tkc";

const proxy = service({
  name: "proxy",
  image: "registry.example.com/proxy:1.0.0",
  port: { name: "http", containerPort: 80 },
  patterns: [relaxSecurity({ reason: "", addCapabilities: ["NET_BIND_SERVICE"] })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [proxy] });
