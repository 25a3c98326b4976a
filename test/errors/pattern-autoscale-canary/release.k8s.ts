import { autoscale, canary, release } from "tkc";
const web = canary({
  name: "web", image: "r.example.com/web:1.0.0", canaryImage: "r.example.com/web:1.1.0", weight: 10,
  port: { name: "http", containerPort: 8080 }, replicas: 4,
  resources: { requests: { cpu: "100m" } },
  patterns: [autoscale({ min: 2, max: 5, cpu: 70 })],
});
export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [web] });
