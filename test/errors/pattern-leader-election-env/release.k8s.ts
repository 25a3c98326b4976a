import { leaderElection, release, worker } from "tkc";

const scheduler = worker({
  name: "scheduler",
  image: "registry.example.com/scheduler:1.0.0",
  env: { POD_NAME: "scheduler" },
  patterns: [leaderElection({})],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [scheduler] });
