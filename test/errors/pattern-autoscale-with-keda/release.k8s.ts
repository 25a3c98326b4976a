import { autoscale, kedaScaling, release, worker } from "tkc";

const consumer = worker({
  name: "consumer",
  image: "registry.example.com/consumer:1.0.0",
  resources: { requests: { cpu: "100m" } },
  patterns: [
    kedaScaling({ max: 10, triggers: [{ type: "redis", metadata: { address: "redis:6379", listName: "jobs", listLength: "20" } }] }),
    autoscale({ min: 1, max: 5 }),
  ],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [consumer] });
