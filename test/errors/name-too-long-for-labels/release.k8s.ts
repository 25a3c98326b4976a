import { release, service } from "tkc";

// A name that is a valid object name but too long for the labels and names made from it: every
// report points at `name`, the one thing to change (they pointed at the service( call).
const web = service({
  image: "registry.example.com/web:1.0.0",
  port: { name: "http", containerPort: 8080 },
  name: "a-very-long-service-name-that-is-a-fine-dns-subdomain-but-too-long-for-a-label",
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case-dev" } }, components: [web] });
