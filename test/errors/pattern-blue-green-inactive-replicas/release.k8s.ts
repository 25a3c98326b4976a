import { blueGreen, release } from "tkc";

const checkout = blueGreen({
  name: "checkout",
  blue: "registry.example.com/checkout:1.0.0",
  green: "registry.example.com/checkout:1.1.0",
  active: "blue",
  inactiveReplicas: -1,
  port: { name: "http", containerPort: 8080 },
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [checkout] });
