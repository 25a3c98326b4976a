import { release, service } from "tkc";

// A mistake in release() itself and one in a component: both reported in one run. The release
// with a bad version still evaluates its components, but it is never built.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
  ports: [{ name: "http", containerPort: 8080 }],
});

export default release({
  name: "case",
  version: "1.0",
  environments: { dev: { namespace: "case-dev" } },
  components: [api],
});
