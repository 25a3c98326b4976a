// CI's image tag read as a Helm or cdk8s user would: descriptors have no environment, and tsc's
// own advice (install @types/node) would not help.
import { release, service } from "tkc";

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case" } },
  components: [service({ name: "web", image: `registry.example.com/web:${process.env.TAG}`, port: { name: "http", containerPort: 8080 } })],
});
