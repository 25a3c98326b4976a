import { job, release, sidecar } from "tkc";

const backup = job({
  name: "backup",
  image: "registry.example.com/backup:1.0.0",
  patterns: [sidecar({ name: "proxy", image: "registry.example.com/proxy:2.0.0", native: false })],
});

export default release({ name: "case", version: "1.0.0", environments: { dev: { namespace: "case" } }, components: [backup] });
