import { daemon, recreate, release } from "tkc";

const agent = daemon({
  name: "agent",
  image: "registry.example.com/agent:1.0.0",
  patterns: [recreate()],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [agent] });
