import { job, release } from "tkc";

const shards = job({
  name: "shards",
  image: "registry.example.com/shards:1.0.0",
  completions: 10,
  backoffLimitPerIndex: 2,
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [shards] });
