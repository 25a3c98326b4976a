import { release, service } from "tkc";

// The options of release() are not written at the call: its mistakes point at the call.
const api = service({
  name: "api",
  image: "registry.example.com/api:1.0.0",
  port: { name: "http", containerPort: 8080 },
});

const options = {
  name: "case",
  version: "1.0",
  environments: { dev: { namespace: "Case_Dev" } },
  components: [api],
};

export default release(options);
