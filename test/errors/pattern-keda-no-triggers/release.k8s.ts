import { kedaScaling, release, worker } from "tkc";

const consumer = worker({
  name: "consumer",
  image: "registry.example.com/consumer:1.0.0",
  patterns: [kedaScaling({ min: 0, max: 10, triggers: [] })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [consumer] });
