import { release, statefulService, verticalAutoscale } from "tkc";

const search = statefulService({
  name: "search",
  image: "registry.example.com/search:1.0.0",
  port: { name: "http", containerPort: 9200 },
  storage: [{ name: "data", mountPath: "/data", size: "10Gi" }],
  patterns: [verticalAutoscale({ updateMode: "Recreate", minAllowed: { memory: "8Gi" }, maxAllowed: { memory: "4Gi" } })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [search] });
