import { release, workQueue } from "tkc";

const reindex = workQueue({
  name: "reindex",
  image: "registry.example.com/reindex:1.0.0",
  queue: "redis",
  parallelism: 4,
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [reindex] });
