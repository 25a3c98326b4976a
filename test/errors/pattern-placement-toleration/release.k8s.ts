import { nodePlacement, release, worker } from "tkc";

const gpu = worker({
  name: "gpu",
  image: "registry.example.com/gpu:1.0.0",
  patterns: [nodePlacement({ tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", value: "true", effect: "NoSchedule" }] })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [gpu] });
