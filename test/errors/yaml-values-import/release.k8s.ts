// A Helm user's values.yaml, imported as data: descriptors import JSON and text, not YAML.
import { release, service } from "tkc";
import values from "./values.yaml";

export default release({
  name: "case",
  version: "1.0.0",
  environments: { dev: { namespace: "case" } },
  components: [service({ name: "web", image: "nginx:1.27.3", replicas: values.replicas, port: { name: "http", containerPort: 8080 } })],
});
