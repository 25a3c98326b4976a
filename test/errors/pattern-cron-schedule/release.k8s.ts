import { cronJob, release } from "tkc";

const nightly = cronJob({
  name: "nightly",
  image: "registry.example.com/tasks:1.0.0",
  schedule: "0 25 * * *",
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [nightly] });
